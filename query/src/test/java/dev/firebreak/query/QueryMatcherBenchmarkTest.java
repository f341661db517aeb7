package dev.firebreak.query;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long a rule set of 200 queries takes per mention, in memory. Not a timed assertion: it prints.
 * <pre>
 * mvn -B -o -q -pl alert-rules -am test -Dtest=QueryMatcherBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine=-Dfirebreak.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "firebreak.bench", matches = "true")
class QueryMatcherBenchmarkTest {
    static final String[] BRANDS = {"暖途", "美的", "九阳", "小熊", "苏泊尔", "格力", "海尔", "松下", "飞利浦", "戴森",
        "小米", "华为", "苹果", "OPPO", "vivo", "荣耀", "联想", "大疆", "科沃斯", "石头"};
    static final String[] MODELS = {"T7", "T70", "X1", "Pro5", "SU7", "iPhone15", "Mate60", "G3", "V9", "Air2"};
    static final String[] PRODUCTS = {"空气炸锅", "加湿器", "电饭煲", "扫地机", "手机", "耳机", "吹风机", "冰箱", "空调", "平板"};
    static final String[] PROBLEMS = {"冒烟", "漏水", "退款", "投诉", "客服", "质量问题", "发热", "爆炸", "起火", "维权",
        "召回", "假货", "售后", "不给退", "差评", "异味", "坏了", "断电", "烫手", "欺骗"};
    static final String[] FILLER = {"今天", "买了", "一个", "用了三天", "就", "真的", "太", "气人了", "大家", "注意",
        "哈哈", "还是", "推荐", "好用", "一般", "，", "。", "！", "😡", " ", "说好的", "结果", "我的", "朋友", "也是"};

    @Test
    void twoHundredQueriesPerMention() throws Exception {
        Random rnd = new Random(7);
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            queries.add(QueryParser.parse(rule(rnd, i)));
        }
        List<String[]> raw = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            raw.add(new String[] {text(rnd), new String[] {"weibo", "douyin", "xiaohongshu", "other"}[rnd.nextInt(4)],
                new String[] {"post", "repost", "comment", "note", "video"}[rnd.nextInt(5)], "u" + rnd.nextInt(5000), "用户" + rnd.nextInt(5000)});
        }
        long matched = 0;
        double best = Double.MAX_VALUE;
        double sum = 0;
        int rounds = 10;
        for (int round = -5; round < rounds; round++) {
            long t0 = System.nanoTime();
            long hits = 0;
            for (String[] r : raw) {
                Target t = new Target(r[0], r[1], r[2], r[3], r[4]);
                for (Query q : queries) {
                    if (QueryMatcher.matches(q, t)) {
                        hits++;
                    }
                }
            }
            double us = (System.nanoTime() - t0) / 1e3 / raw.size();
            if (round >= 0) {
                sum += us;
                best = Math.min(best, us);
                matched = hits;
            }
        }
        double avgLen = raw.stream().mapToInt(r -> r[0].length()).average().orElse(0);
        System.out.printf(Locale.ROOT, "query bench: 200 queries x 10000 mentions (mean text %.0f chars): mean %.1f us per mention"
                + " for all 200 (best round %.1f us), %.3f matches per mention%n", avgLen, sum / rounds, best, matched / 10_000.0);
        assertTrue(matched > 0);
    }

    static <T> T any(Random rnd, T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    /** Rules as people write them: a brand, a product or model, complaint words, a few filters. */
    static String rule(Random rnd, int i) {
        String brand = any(rnd, BRANDS);
        switch (i % 8) {
            case 0:
                return brand + " (" + any(rnd, PROBLEMS) + " OR " + any(rnd, PROBLEMS) + " OR " + any(rnd, PROBLEMS) + ") -" + any(rnd, FILLER).trim() + "好评";
            case 1:
                return any(rnd, MODELS) + " NEAR/10 " + any(rnd, PROBLEMS);
            case 2:
                return "platform:weibo " + brand + " " + any(rnd, PRODUCTS) + " " + any(rnd, PROBLEMS);
            case 3:
                return "\"" + brand + any(rnd, PRODUCTS) + "\" OR (" + brand + " " + any(rnd, MODELS) + ")";
            case 4:
                return "(" + brand + " OR " + any(rnd, BRANDS) + ") (" + any(rnd, PROBLEMS) + " NEAR/5 " + any(rnd, PROBLEMS) + ") NOT kind:repost";
            case 5:
                return brand + " " + any(rnd, PROBLEMS) + " -name:官方 -(广告 OR 推广)";
            case 6:
                return "(kind:comment OR kind:post) " + brand + " (" + any(rnd, PRODUCTS) + " OR " + any(rnd, MODELS) + ") " + any(rnd, PROBLEMS);
            default:
                return "\"" + any(rnd, PROBLEMS) + "\" " + brand + " OR author:u" + rnd.nextInt(5000);
        }
    }

    static String text(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int parts = 16 + rnd.nextInt(64);
        for (int i = 0; i < parts; i++) {
            int k = rnd.nextInt(10);
            sb.append(k < 1 ? any(rnd, BRANDS) : k < 2 ? any(rnd, MODELS) : k < 3 ? any(rnd, PRODUCTS) : k < 4 ? any(rnd, PROBLEMS) : any(rnd, FILLER));
        }
        return sb.toString();
    }
}
