package dev.firebreak.monitor.delivery.ack;

import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The acknowledge page, self-contained (no scripts or styles fetched): Chinese with English under it.
 * The form posts to {@code /api/ack/{token}} from the page's own address.
 */
final class AckPage {
    private static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final String HEAD = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>确认告警 · Acknowledge</title>"
            + "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:2em auto;padding:0 1em}"
            + ".en{color:#666;font-size:.9em}input,button{font:inherit;padding:.4em}.err{color:#b00}</style></head><body>";

    private AckPage() { }

    static String refused(AckLinkException e) {
        String zh = switch (e.reason()) {
            case MALFORMED -> "这不是有效的确认链接。";
            case TAMPERED -> "链接已被修改或并非本系统签发，无法使用。";
            case EXPIRED -> "链接已过期，请在控制台中确认告警。";
        };
        return HEAD + "<h1>无法确认 <span class=\"en\">Cannot acknowledge</span></h1><p class=\"err\">" + zh
                + "</p><p class=\"en\">" + esc(e.getMessage()) + "</p></body></html>";
    }

    /** {@code alert} is null when the alert's JSON could not be read: the page shows its id only. */
    static String form(AckLinks.Verified link, JsonObject alert) {
        StringBuilder b = new StringBuilder(HEAD).append("<h1>确认告警 <span class=\"en\">Acknowledge alert</span></h1>")
                .append("<p>告警 <span class=\"en\">Alert</span>: <code id=\"alert-id\">").append(esc(link.alertId())).append("</code></p>");
        if (alert != null) {
            b.append("<p><b>").append(esc(alert.getString("severity", ""))).append("</b> ")
                    .append("<span id=\"reason\">").append(esc(alert.getString("reason", ""))).append("</span></p>")
                    .append("<p>状态 <span class=\"en\">Status</span>: ").append(esc(alert.getString("status", ""))).append("</p>");
        }
        return b.append("<form id=\"ack\"><label>您的名字 <span class=\"en\">Your name</span><br>")
                .append("<input name=\"by\" required maxlength=\"80\" autocomplete=\"name\"></label> ")
                .append("<button>确认 Acknowledge</button></form><p id=\"result\"></p>")
                .append("<p class=\"en\">链接有效至 Link valid until ").append(SHANGHAI.format(link.expiresAt()))
                .append(" (Asia/Shanghai)</p><script>")
                .append("document.getElementById('ack').onsubmit=async function(e){e.preventDefault();")
                .append("var r=document.getElementById('result');")
                .append("var res=await fetch('/api/ack/'+location.pathname.split('/').pop(),{method:'POST',")
                .append("headers:{'Content-Type':'application/json'},body:JSON.stringify({by:this.by.value})});")
                .append("var j=await res.json();r.className=res.ok?'':'err';")
                .append("r.textContent=res.ok?'已确认 Acknowledged by '+j.acknowledgedBy:(j.error||res.status);};")
                .append("</script></body></html>").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
