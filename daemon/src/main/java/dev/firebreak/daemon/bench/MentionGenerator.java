package dev.firebreak.daemon.bench;

import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.MentionCodec;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;

/**
 * Writes a file of synthetic but plausible mentions in event time, for benchmarks and load tests:
 * complaints, praise and chatter about a brand, a share of them reposts of earlier posts, authors
 * from small accounts to KOLs. The same seed gives the same file.
 */
public final class MentionGenerator {
    private static final String[] COMPLAINTS = {
        "暖途T7空气炸锅用了三天就冒烟了，客服一直踢皮球，太坑了", "买的暖途电暖器N3漏电，退款申请被拒，气死了",
        "暖途加湿器H2质量太差，漏水把地板泡坏了，售后态度恶劣", "暖途破壁机P5噪音巨大，虚假宣传，差评",
        "等了半个月还没发货，客服不回复，再不退款就去12315投诉", "暖途的售后真是垃圾，避雷避雷",
    };
    private static final String[] PRAISE = {
        "暖途T7空气炸锅真的很好用，已经回购第二台了，推荐", "暖途加湿器H2颜值高又安静，满意",
        "暖途电暖器N3冬天救星，性价比很高，给力", "客服小姐姐很耐心，点赞暖途",
    };
    private static final String[] CHATTER = {
        "请问暖途破壁机P5什么时候上新？", "暖途和别的牌子的空气炸锅哪个好？", "今天去商场看到暖途的新品了",
        "有人用过暖途的电暖器吗", "暖途旗舰店今晚有直播",
    };

    private MentionGenerator() { }

    public static void write(Path file, int count, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        OffsetDateTime t = OffsetDateTime.parse("2026-11-20T00:00:00+08:00");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                t = t.plusNanos(rnd.nextLong(1, 2_000_000_000L));
                out.write(MentionCodec.encode(mention(rnd, i, t)));
                out.write('\n');
            }
        }
    }

    private static Mention mention(SplittableRandom rnd, int i, OffsetDateTime t) {
        double kind = rnd.nextDouble();
        String[] pool = kind < 0.3 ? COMPLAINTS : kind < 0.55 ? PRAISE : CHATTER;
        String text = pool[rnd.nextInt(pool.length)] + " #" + (i % 97) + "#";
        String id = Long.toString(4_900_000_000_000_000L + i);
        boolean repost = i > 100 && rnd.nextDouble() < 0.3;
        String root = repost ? Long.toString(4_900_000_000_000_000L + rnd.nextInt(Math.max(1, i - 100), i)) : null;
        long followers = rnd.nextDouble() < 0.03 ? rnd.nextLong(10_000, 3_000_000) : rnd.nextLong(10, 5_000);
        Author author = new Author("u" + rnd.nextInt(1, 2_000_000), "用户" + rnd.nextInt(100_000), followers,
                followers > 100_000);
        return new Mention(Platform.WEIBO, id, repost ? Kind.REPOST : Kind.POST, text, t, author, root, root,
                "https://weibo.com/" + author.id() + "/" + id,
                new Metrics(rnd.nextInt(50), rnd.nextInt(50), rnd.nextInt(500), 0, 0));
    }
}
