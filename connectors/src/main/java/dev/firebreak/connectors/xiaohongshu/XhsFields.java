package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.core.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading the few field types Xiaohongshu items share: ids, epoch-millisecond times, note URLs. */
final class XhsFields {
    /** Xiaohongshu shows times in China time; the instant is the same in any offset. */
    static final ZoneOffset CHINA = ChinaTime.OFFSET;

    private XhsFields() { }

    /** A non-blank text field (ids may come as numbers in exports), or why not. */
    static String text(JsonNode parent, String field) throws BadItemException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new BadItemException("missing field \"" + field + "\"");
        }
        return v.asText();
    }

    static String optionalText(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
    }

    /** Epoch milliseconds (a number or a string of digits) as China time. */
    static OffsetDateTime millis(JsonNode parent, String field) throws BadItemException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            throw new BadItemException("missing field \"" + field + "\"");
        }
        if (v.isIntegralNumber() || (v.isTextual() && v.asText().matches("\\d{1,15}"))) {
            return Instant.ofEpochMilli(v.asLong()).atOffset(CHINA);
        }
        throw new BadItemException("field \"" + field + "\" must be epoch milliseconds, got " + v);
    }

    /** The web page of a note; the xsec_token (a per-note link token, not ours) lets it open outside the app. */
    static String noteUrl(String noteId, String xsecToken) {
        String base = "https://www.xiaohongshu.com/explore/" + noteId;
        return xsecToken == null || xsecToken.isBlank() ? base
                : base + "?xsec_token=" + java.net.URLEncoder.encode(xsecToken, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** "title\ndesc" when both exist, else whichever does. */
    static String noteText(String title, String desc) {
        if (title.isBlank()) {
            return desc;
        }
        return desc.isBlank() ? title : title + "\n" + desc;
    }
}
