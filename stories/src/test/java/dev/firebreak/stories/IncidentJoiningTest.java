package dev.firebreak.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import dev.firebreak.core.Sentiment;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Incidents joined by what posts are about, with members arriving out of order and late. */
class IncidentJoiningTest {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
    static final BrandAccounts BRAND = new BrandAccounts(Map.of(), Map.of(Platform.WEIBO, Set.of("暖途官方微博")));
    static final Analysis.Entity T7 = new Analysis.Entity("暖途T7空气炸锅", "PRODUCT");
    static final Analysis.Entity NUANTU = new Analysis.Entity("暖途", "BRAND");

    private final StoryAssigner assigner = StoryAssigner.withDefaults(BRAND);
    private final Map<String, String> links = new HashMap<>();

    /** One batch through the assigner, with the links of earlier batches as the store keeps them. */
    private List<String> arrive(List<Mention> batch, List<Analysis> analyses) {
        Map<String, String> known = new HashMap<>();
        for (String root : StoryAssigner.roots(batch)) if (links.containsKey(root)) known.put(root, links.get(root));
        StoryAssigner.Assignment a = assigner.assignAnalysed(batch, analyses, known);
        links.putAll(a.newLinks());
        return a.storyIds();
    }

    private String one(Mention m, Analysis a) {
        return arrive(List.of(m), List.of(a)).get(0);
    }

    static Mention post(String id, String author, long followers, String text, int minutes) {
        return new Mention(Platform.WEIBO, id, Kind.POST, text, T0.plusMinutes(minutes), new Author("u" + id, author, followers, false),
                null, null, null, null);
    }

    static Mention reply(String id, Kind kind, String rootId, String text, int minutes) {
        return new Mention(Platform.WEIBO, id, kind, text, T0.plusMinutes(minutes), new Author("u" + id, "网友" + id, 300, false),
                rootId, rootId, null, null);
    }

    static Analysis negative(List<String> complaint, Analysis.Entity... entities) {
        return new Analysis(Sentiment.NEGATIVE, 0.9, null, complaint, null, List.of(entities), "test");
    }

    static Analysis neutral(Analysis.Entity... entities) {
        return new Analysis(Sentiment.NEUTRAL, 0.3, null, List.of(), null, List.of(entities), "test");
    }

    @Test
    void membersArrivingOutOfOrderAndLateEndUpInOneIncidentWithTheFirstIdKept() {
        // The newspaper's report comes first, then a KOL's repost of the complaint (before the complaint
        // itself), then the complaint, a comment on it, the brand's statement and, two days on, a late post.
        String report = one(post("900", "云川都市报", 2_300_000,
                "【多名市民反映暖途空气炸锅使用中冒烟】有市民反映购买的暖途T7空气炸锅在使用中出现冒烟、焦糊味。", 24),
                neutral(T7, new Analysis.Entity("暖途空气炸锅", "PRODUCT")));
        assertEquals("weibo:900", report, "the first member names the incident");
        String kol = one(reply("901", Kind.REPOST, "100",
                "看位置像是后部电机附近冒的烟，暖途T7塑料件离发热管太近。建议暖途尽快出说明", 30), neutral(NUANTU));
        String complaint = one(post("100", "厨房里的阿杰", 36_500,
                "今天早上用暖途T7空气炸锅热包子，开了不到五分钟后面就开始冒烟，一股塑料烧焦的味儿", 2),
                negative(List.of("safety"), T7));
        List<String> later = arrive(List.of(
                reply("902", Kind.COMMENT, "100", "我家的也是T7！上周冒过一次烟", 40),
                post("903", "暖途官方微博", 310_000, "关于近期部分用户反馈出现异味、冒烟的情况，我们已成立专项小组，请相关用户私信提供订单信息", 50),
                post("904", "不再回购了", 2_700, "T7冒烟这事闹这么大，暖途到现在只发了一个成立专项小组，退款的事一个字没提", 2 * 24 * 60)),
                List.of(negative(List.of()), neutral(), negative(List.of("refund", "safety"), NUANTU)));
        assertEquals(List.of(report, report, report, report, report), List.of(kol, complaint, later.get(0), later.get(1), later.get(2)));
    }

    @Test
    void anotherFaultPraiseAndGenericComplaintsAboutTheSameProductStayApart() {
        String smoke = one(post("100", "厨房里的阿杰", 36_500,
                "今天早上用暖途T7空气炸锅热包子，开了不到五分钟后面就开始冒烟，一股塑料烧焦的味儿", 0),
                negative(List.of("safety"), T7));
        String coating = one(post("200", "老陈爱折腾", 1_450,
                "暖途T7空气炸锅用了不到两个月，内胆涂层一片片往下掉，掉在薯条上黑乎乎的，谁还敢吃？", 5),
                negative(List.of("refund"), T7));
        String praise = one(post("300", "佛系小赵", 380, "暖途售后这次挺给力，T7有点异味打电话报修，第二天就上门换了台新的，点赞", 10),
                new Analysis(Sentiment.POSITIVE, 0.1, null, List.of(), null, List.of(NUANTU), "test"));
        String service = one(post("400", "二狗子不想上班", 980, "暖途T7空气炸锅客服态度真是绝了，问什么时候发货直接回我等着，退款也不给", 15),
                negative(List.of("service", "delivery", "refund"), T7));
        String notSmoking = one(post("500", "半年老用户", 480, "我家暖途T7空气炸锅用了半年一直挺好，没冒过烟，可能是个别批次的问题？", 20),
                negative(List.of(), T7));
        List<String> ids = new ArrayList<>(List.of(coating, praise, service, notSmoking));
        for (String id : ids) assertNotEquals(smoke, id);
        assertEquals(4, Set.copyOf(ids).size(), "each look-alike is its own story: " + ids);
    }

    @Test
    void theSameFaultOfTheSameProductAWeekLaterIsANewIncident() {
        String first = one(post("100", "a", 500, "暖途T7空气炸锅开了五分钟就冒烟，一股烧焦的味儿", 0), negative(List.of("safety"), T7));
        String later = one(post("200", "b", 500, "又一台出事：烤鸡翅的时候暖途T7后面起火了，家里人都吓坏了", 7 * 24 * 60),
                negative(List.of("safety"), T7));
        assertNotEquals(first, later);
    }

    @Test
    void withoutAnalysesNothingJoinsByTopic() {
        StoryAssigner plain = StoryAssigner.withDefaults(BRAND);
        StoryAssigner.Assignment a = plain.assign(List.of(
                post("100", "a", 500, "今天早上用暖途T7空气炸锅热包子，开了不到五分钟后面就开始冒烟，一股塑料烧焦的味儿", 0),
                post("200", "拆机小马", 3_100, "把暖途T7拆开给大家看看：发热管上方的塑料挡板离得这么近，长期高温不变形才怪", 20)), Map.of());
        assertNotEquals(a.storyIds().get(0), a.storyIds().get(1));
    }

    @Test
    void aBrandsHeaterAndItsAirFryerOnFireAreTwoIncidents() {
        // Both name the brand only (no product entity) and the same fault: the categories tell them apart.
        String fryer = one(post("200", "小林", 800, "暖途的空气炸锅用着用着突然冒烟了，差点起火", 0), negative(List.of("safety"), NUANTU));
        String heater = one(post("201", "老赵", 900, "暖途取暖器开了半小时插头烧焦着火了", 10), negative(List.of("safety"), NUANTU));
        assertNotEquals(fryer, heater, "different kinds of thing, whatever fault and brand they share");
    }

    @Test
    void aNoticeNamingOnlyTheCategoryJoinsTheIncidentOfThatCategory() {
        Analysis.Entity c20 = new Analysis.Entity("橙果充电宝C20", "PRODUCT");
        String complaint = one(post("300", "地铁通勤", 7300, "橙果充电宝C20在地铁上突然冒烟，外壳都烧化了", 0), negative(List.of("safety"), c20));
        String notice = one(post("301", "江城地铁运营", 400_000, "今晨一号线一乘客的充电宝冒烟，工作人员及时处置", 60), neutral());
        assertEquals(complaint, notice);
    }

    @Test
    void aReportInItsOwnWordsJoinsTheProductsOneLiveIncidentAnOrdinaryPostDoesNot() {
        Analysis.Entity m6 = new Analysis.Entity("小鹿电动车M6", "PRODUCT");
        String complaint = one(post("400", "骑手", 4700, "小鹿电动车M6刹车失灵撞上护栏", 0), negative(List.of("safety"), m6));
        one(post("401", "骑手之家", 12_000, "小鹿电动车M6刹车失灵，车主撞上护栏受伤", 30), negative(List.of("safety"), m6));
        // A KOL names the product and no fault the lexicon knows: the product's one live incident.
        String kol = one(post("402", "两轮车评测", 150_000, "M6这次的事情小鹿必须给个说法", 90), neutral(m6));
        assertEquals(complaint, kol);
        // An ordinary user saying as little is not guessed into it.
        String user = one(post("403", "路人", 50, "想问问小鹿电动车M6值不值得买，通勤用", 95), neutral(m6));
        assertNotEquals(complaint, user);
    }

    @Test
    void aVagueReplyBeforeItsOriginalDoesNotPullItsTreeIntoAnotherProductsIncident() {
        Analysis.Entity s3 = new Analysis.Entity("青禾婴儿车S3", "PRODUCT");
        Analysis.Entity m6 = new Analysis.Entity("小鹿电动车M6", "PRODUCT");
        String pram = one(post("500", "育儿安全", 9500, "青禾婴儿车S3刹车失灵，斜坡上自行溜车", 0), negative(List.of("safety"), s3));
        String early = one(reply("601", Kind.REPOST, "600", "刹车失灵太要命了", 10), negative(List.of()));
        String scooter = one(post("600", "代驾小哥", 5500, "小鹿电动车M6在路上刹车突然失灵，撞上了路边护栏", 5), negative(List.of("safety"), m6));
        assertNotEquals(pram, early, "the reply says too little to move its tree into the pram's incident");
        assertEquals(early, scooter);
    }

    @Test
    void aReportInOtherWordsThanTheLexiconsJoinsByMeaningLookAlikesDoNot() {
        // Neither names a fault the lexicon lists (馊, 稠): they join by the thesaurus' senses.
        Analysis.Entity milk = new Analysis.Entity("禾畔鲜奶", "PRODUCT");
        String complaint = one(post("700", "早餐党", 900, "禾畔鲜奶开盒就是一股馊味，倒出来稠得像豆腐脑", 0), negative(List.of("quality"), milk));
        String report = one(post("701", "吃货避雷", 8_800, "有消费者称禾畔鲜奶开盒即馊，奶液稠如豆腐脑", 40), negative(List.of("quality"), milk));
        assertEquals(complaint, report);
        String price = one(post("702", "精打细算", 300, "禾畔鲜奶最近又涨价了，一盒贵了两块", 50), negative(List.of("price"), milk));
        String question = one(post("703", "新手妈妈", 120, "禾畔鲜奶开盒以后能放几天，要不要冷藏", 55), neutral(milk));
        assertNotEquals(complaint, price);
        assertNotEquals(complaint, question);
    }
}
