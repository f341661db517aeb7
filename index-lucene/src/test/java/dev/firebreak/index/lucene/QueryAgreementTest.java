package dev.firebreak.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.query.Query;
import dev.firebreak.query.QueryMatcher;
import dev.firebreak.query.QueryParser;
import dev.firebreak.query.Target;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QUERIES.md: one query language, matched in memory (rules) and by Lucene (search, backtests); the two
 * must agree. Every query here must select exactly the same mentions both ways.
 */
class QueryAgreementTest {
    @TempDir
    static Path dir;
    static MentionIndex index;
    static final List<Mention> MENTIONS = new ArrayList<>();

    /** platform | kind | author id | author name | text */
    static final String[] ROWS = {
        "weibo|post|1001|暖途官方旗舰店|暖途空气炸锅T7用了三天就冒烟了，申请退款客服不理人",
        "weibo|comment|1002|小王爱做饭|同款T7，也冒烟！退款被拒",
        "weibo|repost|1003|数码博主老李|转发：暖途T70炸锅测评，冒烟问题是个例吗",
        "weibo|post|1004|NuanTu Fan|The T7 air fryer started smoking. Refund denied!",
        "weibo|comment|1005|路人甲|t7pro和t7有什么区别",
        "weibo|post|1006|消费者权益|客服说不给退款，我要投诉到12315",
        "weibo|post|1007|某人|退款找不到客服",
        "weibo|comment|1008|某人2|退款一直找不到客服，气死",
        "weibo|repost|1009|媒体人张三|暖途被曝质量问题，多名消费者投诉退款难",
        "weibo|post|1010|iPhone控|iPhone15发热严重，不是暖途的问题",
        "douyin|video|2001|抖音用户A|开箱暖途T7，第一次用就冒烟了😡😡",
        "douyin|comment|2002|抖音用户B|我的也是！！！退款 不给",
        "douyin|comment|2003|抖音用户C|退款   不给，客服踢皮球",
        "douyin|video|2004|测评小能手|iPhone 15 vs 暖途T7 谁更烫？",
        "douyin|comment|2005|MS4wLjABAAAA|哈哈哈好评",
        "douyin|video|2006|暖途官方|暖途T7新品上市，限时优惠",
        "douyin|comment|2007|吃瓜群众|冒烟了还好评？水军吧",
        "douyin|comment|2008|抖音用户D|ＴＥＳＴ全角Ｔ７冒烟",
        "douyin|video|2009|厨房达人|空气炸锅推荐：暖途、美的、九阳",
        "douyin|comment|2010|抖音用户E|客服客服客服，退款退款退款",
        "xiaohongshu|note|3001|小红薯123|暖途炸锅踩雷了！！退款流程超级麻烦",
        "xiaohongshu|note|3002|精致女孩|暖途加湿器漏水，客服态度还行",
        "xiaohongshu|comment|3003|小红薯456|同款漏水，退货退款了",
        "xiaohongshu|note|3004|好物分享|暖途T7炸锅真香，不冒烟，好评",
        "xiaohongshu|comment|3005|小红薯789|T7-Pro 才是真香",
        "xiaohongshu|note|3006|测评君|SU7 Ultra 和 暖途 联名？假的",
        "xiaohongshu|note|3007|su7车主|小米su7充电慢，跟暖途无关",
        "xiaohongshu|comment|3008|小红薯000|小米SU70是什么",
        "xiaohongshu|note|3009|维权姐|投诉无门：暖途退款三个月没到账",
        "xiaohongshu|comment|3010|路人乙|退 款 也 太 慢 了",
        "other|post|4001|论坛网友|暖途炸锅冒烟事件汇总 http://t.cn/abc",
        "other|comment|4002|论坛网友2|12:00下单，客服到现在没回",
        "other|post|4003|新闻|【暖途回应】已召回T7批次，可申请退款",
        "other|comment|4004|Ａｎｏｎ|ＡＩＲ　ＦＲＹＥＲ　T7 smoke",
        "other|post|4005|blogger|air fryer t7 review: smoke, refund, no",
        "weibo|note|1011|微博长文|关于暖途T7冒烟：客服先说不退款，后来又说可以退款",
        "weibo|video|1012|视频号|T7冒烟实拍",
        "douyin|repost|2011|转发君|转发了 暖途T7冒烟 的视频",
        "xiaohongshu|repost|3011|转发姐|转：暖途退款攻略",
        "other|note|4006|笔记|退款退款",
        "other|video|4007|视频|客服",
        "weibo|comment|1013|张三丰|款客服",
        "weibo|comment|1014|李四|退款客服",
        "weibo|comment|1015|王五|客服退款",
        "weibo|comment|1016|赵六|退款了客服",
        "weibo|comment|1017|孙七|退款啊啊客服",
        "weibo|comment|1018|周八|退款啊啊啊客服",
        "douyin|comment|2012|吴九|a b x c",
        "douyin|comment|2013|郑十|ab c",
        "douyin|comment|2014|王十一|7t7t7",
        "douyin|comment|2015|王十二|t77 t7",
        "douyin|comment|2016|王十三|x",
        "douyin|comment|2017|王十四|xx x",
        "xiaohongshu|comment|3012|王十五|aaa",
        "xiaohongshu|comment|3013|王十六|😡退款😡😡客服😡",
        "xiaohongshu|comment|3014|王十七|Café T7 déjà vu",
        "other|comment|4008|王十八|NOT and OR near",
        "other|comment|4009|王十九|\"引号\" 和（括号）",
        "other|comment|4010|王二十|-减号 和 -",
        "weibo|post|1019|暖途 客服|官方回复：已退款",
    };

    @BeforeAll
    static void indexAll() throws Exception {
        index = MentionIndex.open(dir);
        List<ScoredMention> batch = new ArrayList<>();
        int i = 0;
        for (String row : ROWS) {
            String[] f = row.split("\\|", 5);
            Mention m = new Mention(Platform.valueOf(f[0].toUpperCase(java.util.Locale.ROOT)), "m" + (i++),
                    Kind.valueOf(f[1].toUpperCase(java.util.Locale.ROOT)), f[4],
                    OffsetDateTime.parse("2026-11-20T10:00:00+08:00").plusMinutes(i), new Author(f[2], f[3], 10, false),
                    null, null, null, Metrics.ZERO);
            MENTIONS.add(m);
            batch.add(new ScoredMention(m, null, null));
        }
        index.upsert(batch);
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    static Set<String> inMemory(Query q) {
        return MENTIONS.stream().filter(m -> QueryMatcher.matches(q, Target.of(m))).map(Mention::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> lucene(Query q) throws Exception {
        return index.search(q, Long.MIN_VALUE, Long.MAX_VALUE, 1000).hits().stream().map(ScoredMention::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> agree(String text) throws Exception {
        Query q = QueryParser.parse(text);
        Set<String> expected = inMemory(q);
        assertEquals(expected, lucene(q), text);
        return expected;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "退款", "客服", "冒烟", "暖途", "T7", "t7", "Ｔ７", "T70", "t7pro", "T7-Pro", "iphone", "iPhone15", "\"iphone 15\"",
        "su7", "SU7", "小米su7", "米su7", "x", "a", "7", "t", "café", "é", "12:00", "😡", "\"退款 不给\"", "\"退款不给\"",
        "\"air fryer\"", "\"fryer t7\"", "\" t7\"", "\"t7 \"", "\" \"", "\"NOT\"", "\"(括号)\"", "\"\\\"引号\\\"\"", "-减号 OR \"-\"",
        "退款 客服", "退款 AND 客服", "退款 OR 客服", "退款 客服 OR 冒烟 T7", "(退款 OR 投诉) (客服 OR 暖途)",
        "NOT 退款", "-退款", "退款 NOT 客服", "暖途 -(退款 OR 冒烟)", "NOT NOT 退款", "NOT (退款 客服) OR T7",
        "退款 NEAR/0 客服", "退款 NEAR/1 客服", "退款 NEAR/2 客服", "退款 NEAR/3 客服", "客服 NEAR/3 退款", "退款 NEAR/50 客服",
        "退款 NEAR/0 款客", "款 NEAR/0 退款", "退款 NEAR/5 退款", "客服 NEAR/0 客服", "t7 NEAR/3 冒烟", "T7 NEAR/1 smoke",
        "\"a b\" NEAR/3 c", "\"a b\" NEAR/2 c", "a NEAR/0 b", "x NEAR/1 x", "aa NEAR/0 aa", "7 NEAR/0 t", "😡 NEAR/0 客服",
        "\"退款 不给\" NEAR/2 客服", "NOT 退款 NEAR/3 客服", "退款 NEAR/3 客服 OR 冒烟 NEAR/2 T7",
        "platform:weibo", "platform:douyin 退款", "platform:xiaohongshu OR platform:other", "kind:comment", "kind:video T7",
        "kind:note -kind:note", "author:1001", "author:MS4wLjABAAAA", "author:ms4wljabaaaa", "name:暖途", "name:\"暖途 客服\"",
        "name:nuantu", "name:\"nuantu fan\"", "name:anon", "name:ａｎｏｎ", "name:123", "name:12", "text:退款", "text:\"退款 不给\"",
        "NOT platform:weibo NOT kind:comment", "(platform:weibo OR platform:douyin) kind:comment 退款 -好评",
        "platform:weibo 退款 NEAR/3 客服 -name:某人",
    })
    void luceneAndTheMatcherSelectTheSameMentions(String query) throws Exception {
        agree(query);
    }

    @Test
    void theQueriesAboveAreNotVacuous() throws Exception {
        Set<String> near3 = agree("退款 NEAR/3 客服");
        assertTrue(near3.containsAll(Set.of("weibo:m6", "weibo:m46")) && !near3.contains("weibo:m7"), near3.toString());
        assertTrue(agree("T7").size() >= 10);
        assertTrue(agree("T7").size() < agree("t7 OR t70 OR t7pro OR \"t7-pro\" OR 7t7").size());
        assertEquals(Set.of("weibo:m0", "weibo:m42", "weibo:m43"), agree("退款 NEAR/0 客服"));
        assertEquals(Set.of("weibo:m42", "weibo:m43", "weibo:m44"), agree("退款 NEAR/1 客服 kind:comment platform:weibo"));
        assertEquals(MENTIONS.size(), agree("NOT 不存在的词").size());
    }

    /** Random queries over a vocabulary chosen to collide: whatever the parser accepts must agree. */
    @Test
    void randomQueriesAgree() throws Exception {
        String[] words = {"退款", "客服", "冒烟", "暖途", "t7", "T7", "7", "t", "x", "a", "b", "款", "退", "款客", "\"退款 不给\"",
            "\"a b\"", "\" \"", "iphone", "su7", "😡", "炸锅", "好评", "aa", "xx", "\"t7 \"", "c", "smoke", "7t7"};
        String[] fields = {"platform:weibo", "platform:douyin", "platform:xiaohongshu", "platform:other", "kind:comment",
            "kind:post", "kind:video", "kind:note", "kind:repost", "author:1001", "author:2002", "name:暖途", "name:小红薯",
            "name:王", "name:x"};
        Random rnd = new Random(20261120);
        int nonEmpty = 0;
        for (int i = 0; i < Integer.getInteger("agree.n", 600); i++) {
            String text = randomQuery(rnd, words, fields, 3);
            if (!agree(text).isEmpty()) {
                nonEmpty++;
            }
        }
        assertTrue(nonEmpty > 200, "most random queries select something: " + nonEmpty);
    }

    static String randomQuery(Random rnd, String[] words, String[] fields, int depth) {
        int pick = rnd.nextInt(depth <= 0 ? 3 : 8);
        switch (pick) {
            case 0:
            case 1:
                return words[rnd.nextInt(words.length)];
            case 2:
                return rnd.nextBoolean() ? fields[rnd.nextInt(fields.length)] : words[rnd.nextInt(words.length)]
                        + " NEAR/" + rnd.nextInt(6) + " " + words[rnd.nextInt(words.length)];
            case 3:
                return "NOT " + randomQuery(rnd, words, fields, depth - 1);
            case 4:
            case 5:
                return "(" + randomQuery(rnd, words, fields, depth - 1) + " " + randomQuery(rnd, words, fields, depth - 1) + ")";
            default:
                return "(" + randomQuery(rnd, words, fields, depth - 1) + " OR " + randomQuery(rnd, words, fields, depth - 1) + ")";
        }
    }
}
