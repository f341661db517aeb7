package dev.firebreak.tools.bench;

import dev.firebreak.daemon.cli.Args;
import dev.firebreak.query.Query;
import dev.firebreak.query.QueryMatcher;
import dev.firebreak.query.QueryParser;
import dev.firebreak.query.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** {@code firebreak bench query}: how long a rule set of 200 keyword queries takes per mention, in memory. */
final class QueryMatcherBench {
    static final String HELP = """
            Usage: firebreak bench query [--queries N] [--mentions M] [--rounds R]

            Parses N generated queries (default 200: brands, models, products and complaint words with
            OR, NEAR/k, phrases and field filters, as people write rules) and matches every one against
            M generated mentions (default 10000), R rounds (default 10) after 5 warm-up rounds; prints the
            mean and best microseconds per mention for all N queries, and the matches per mention.
            """;
    private static final String[] BRANDS = {"暖途", "美的", "九阳", "小熊", "苏泊尔", "格力", "海尔", "松下", "飞利浦", "戴森",
        "小米", "华为", "苹果", "OPPO", "vivo", "荣耀", "联想", "大疆", "科沃斯", "石头"};
    private static final String[] MODELS = {"T7", "T70", "X1", "Pro5", "SU7", "iPhone15", "Mate60", "G3", "V9", "Air2"};
    private static final String[] PRODUCTS = {"空气炸锅", "加湿器", "电饭煲", "扫地机", "手机", "耳机", "吹风机", "冰箱", "空调", "平板"};
    private static final String[] PROBLEMS = {"冒烟", "漏水", "退款", "投诉", "客服", "质量问题", "发热", "爆炸", "起火", "维权",
        "召回", "假货", "售后", "不给退", "差评", "异味", "坏了", "断电", "烫手", "欺骗"};
    private static final String[] FILLER = {"今天", "买了", "一个", "用了三天", "就", "真的", "太", "气人了", "大家", "注意",
        "哈哈", "还是", "推荐", "好用", "一般", "，", "。", "！", "😡", " ", "说好的", "结果", "我的", "朋友", "也是"};
    private static final String[] PLATFORMS = {"weibo", "douyin", "xiaohongshu", "other"};
    private static final String[] KINDS = {"post", "repost", "comment", "note", "video"};

    private QueryMatcherBench() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("bench query", argv, 2, Set.of("queries", "mentions", "rounds"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        int n = Args.positiveInt("bench query", "--queries", args.get("queries"), 200);
        int m = Args.positiveInt("bench query", "--mentions", args.get("mentions"), 10_000);
        int rounds = Args.positiveInt("bench query", "--rounds", args.get("rounds"), 10);
        Random rnd = new Random(7);
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) queries.add(QueryParser.parse(rule(rnd, i)));
        List<String[]> raw = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            raw.add(new String[] {text(rnd), any(rnd, PLATFORMS), any(rnd, KINDS), "u" + rnd.nextInt(5000), "用户" + rnd.nextInt(5000)});
        }
        long matched = 0;
        double best = Double.MAX_VALUE;
        double sum = 0;
        for (int round = -5; round < rounds; round++) {
            long t0 = System.nanoTime();
            long hits = 0;
            for (String[] r : raw) {
                Target t = new Target(r[0], r[1], r[2], r[3], r[4]); // built per mention, as the pipeline does
                for (Query q : queries) if (QueryMatcher.matches(q, t)) hits++;
            }
            double us = (System.nanoTime() - t0) / 1e3 / m;
            if (round >= 0) {
                sum += us;
                best = Math.min(best, us);
                matched = hits;
            }
        }
        double meanLength = raw.stream().mapToInt(r -> r[0].length()).average().orElse(0);
        System.out.printf(Locale.ROOT, "query bench: %d queries x %d mentions (mean text %.0f chars): mean %.1f us per mention"
                + " for all %d (best round %.1f us), %.3f matches per mention%n", n, m, meanLength, sum / rounds, n, best,
                matched / (double) m);
        return 0;
    }

    private static <T> T any(Random rnd, T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    /** Rules as people write them: a brand, a product or model, complaint words, a few filters. */
    private static String rule(Random rnd, int i) {
        String brand = any(rnd, BRANDS);
        return switch (i % 8) {
            case 0 -> brand + " (" + any(rnd, PROBLEMS) + " OR " + any(rnd, PROBLEMS) + " OR " + any(rnd, PROBLEMS) + ") -"
                    + any(rnd, FILLER).trim() + "好评";
            case 1 -> any(rnd, MODELS) + " NEAR/10 " + any(rnd, PROBLEMS);
            case 2 -> "platform:weibo " + brand + " " + any(rnd, PRODUCTS) + " " + any(rnd, PROBLEMS);
            case 3 -> "\"" + brand + any(rnd, PRODUCTS) + "\" OR (" + brand + " " + any(rnd, MODELS) + ")";
            case 4 -> "(" + brand + " OR " + any(rnd, BRANDS) + ") (" + any(rnd, PROBLEMS) + " NEAR/5 " + any(rnd, PROBLEMS)
                    + ") NOT kind:repost";
            case 5 -> brand + " " + any(rnd, PROBLEMS) + " -name:官方 -(广告 OR 推广)";
            case 6 -> "(kind:comment OR kind:post) " + brand + " (" + any(rnd, PRODUCTS) + " OR " + any(rnd, MODELS) + ") "
                    + any(rnd, PROBLEMS);
            default -> "\"" + any(rnd, PROBLEMS) + "\" " + brand + " OR author:u" + rnd.nextInt(5000);
        };
    }

    private static String text(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int parts = 16 + rnd.nextInt(64);
        for (int i = 0; i < parts; i++) {
            int k = rnd.nextInt(10);
            sb.append(k < 1 ? any(rnd, BRANDS) : k < 2 ? any(rnd, MODELS) : k < 3 ? any(rnd, PRODUCTS)
                    : k < 4 ? any(rnd, PROBLEMS) : any(rnd, FILLER));
        }
        return sb.toString();
    }
}
