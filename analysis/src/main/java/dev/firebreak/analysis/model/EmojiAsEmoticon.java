package dev.firebreak.analysis.model;

import java.util.Map;

/**
 * Unicode emoji read as the Weibo bracket emoticon that means the same, so 😡 reads like [怒]. The
 * labelled Weibo posts carry thousands of bracket emoticons and almost no Unicode emoji, while Douyin
 * and Xiaohongshu comments are often emoji alone; without this the model would guess at them from
 * the few times each appeared. Written for Firebreak; the names are those most frequent in the
 * SMP2020-EWECT posts.
 */
final class EmojiAsEmoticon {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x2764, "心"), Map.entry(0x1F497, "心"), Map.entry(0x1F495, "心"), Map.entry(0x1F496, "心"),
            Map.entry(0x1F970, "爱你"), Map.entry(0x1F60D, "爱你"), Map.entry(0x1F618, "爱你"),
            Map.entry(0x1F494, "伤心"),
            Map.entry(0x1F62D, "泪"), Map.entry(0x1F622, "泪"), Map.entry(0x1F97A, "可怜"),
            Map.entry(0x1F602, "哈哈"), Map.entry(0x1F923, "哈哈"),
            Map.entry(0x1F642, "微笑"), Map.entry(0x1F60A, "嘻嘻"), Map.entry(0x263A, "嘻嘻"),
            Map.entry(0x1F604, "哈哈"), Map.entry(0x1F601, "哈哈"), Map.entry(0x1F603, "哈哈"), Map.entry(0x1F606, "哈哈"),
            Map.entry(0x1F44D, "赞"), Map.entry(0x1F44C, "good"), Map.entry(0x1F44F, "鼓掌"), Map.entry(0x1F4AA, "加油"),
            Map.entry(0x1F64F, "作揖"), Map.entry(0x1F44A, "拳头"), Map.entry(0x1F490, "鲜花"), Map.entry(0x1F339, "鲜花"),
            Map.entry(0x1F917, "抱抱"), Map.entry(0x1F44B, "拜拜"), Map.entry(0x1F56F, "蜡烛"),
            Map.entry(0x1F621, "怒"), Map.entry(0x1F620, "怒"), Map.entry(0x1F92C, "怒"), Map.entry(0x1F624, "哼"),
            Map.entry(0x1F92E, "吐"), Map.entry(0x1F922, "吐"), Map.entry(0x1F44E, "衰"),
            Map.entry(0x1F61E, "失望"), Map.entry(0x1F614, "失望"), Map.entry(0x1F625, "悲伤"), Map.entry(0x1F61F, "悲伤"),
            Map.entry(0x1F631, "惊恐"), Map.entry(0x1F628, "惊恐"), Map.entry(0x1F632, "吃惊"), Map.entry(0x1F62E, "吃惊"),
            Map.entry(0x1F914, "思考"), Map.entry(0x1F644, "白眼"), Map.entry(0x1F612, "白眼"), Map.entry(0x1F605, "汗"),
            Map.entry(0x1F613, "汗"), Map.entry(0x1F637, "生病"), Map.entry(0x1F912, "生病"), Map.entry(0x1F436, "doge"),
            Map.entry(0x1F937, "摊手"), Map.entry(0x1F615, "费解"), Map.entry(0x2753, "疑问"), Map.entry(0x1F62B, "抓狂"),
            Map.entry(0x1F629, "抓狂"), Map.entry(0x1F611, "黑线"), Map.entry(0x1F633, "傻眼"));

    private EmojiAsEmoticon() { }

    /** The emoticon name for this code point, or null. */
    static String name(int codePoint) {
        return NAMES.get(codePoint);
    }
}
