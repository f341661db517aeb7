package dev.firebreak.delivery.feishu;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a Feishu card {@code @}-mentions. Feishu custom bots mention by open_id ({@code ou_…}),
 * user_id or email, or everyone ({@code all}) — not by phone number, so a number is refused at
 * start rather than silently mentioning nobody.
 */
final class FeishuMentions {
    private FeishuMentions() { }

    /** The {@code <at>} tags for the lark_md text; {@link IllegalArgumentException} names a bad entry. */
    static String tags(String channelId, List<String> mentions) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            String m = mentions.get(i).strip();
            if (m.equals("all") || m.equals("@all")) {
                out.add("<at id=all></at>");
            } else if (m.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
                out.add("<at email=" + m + "></at>");
            } else if (m.matches("[A-Za-z0-9_-]{2,64}") && !m.matches("\\+?\\d+")) {
                out.add("<at id=" + m + "></at>");
            } else {
                throw new IllegalArgumentException("channel \"" + channelId + "\": mobiles[" + i + "]: Feishu custom bots "
                        + "mention by open_id (ou_…), user_id, email or \"all\", not by phone number or \""
                        + (m.length() > 4 ? "…" + m.substring(m.length() - 4) : m) + "\"");
            }
        }
        return String.join(" ", out);
    }
}
