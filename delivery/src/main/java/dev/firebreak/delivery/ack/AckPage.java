package dev.firebreak.delivery.ack;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The acknowledge page, self-contained (no scripts or styles fetched): Chinese with English beside it.
 * The form posts to {@code /api/ack/{token}} relative to the page's own address, so a console served
 * under a path prefix works too. Stable hooks for the browser test: {@code #alert[data-status]},
 * {@code #reason}, {@code form#ack}, {@code #ack-submit}, {@code #result[data-state=done|error]},
 * {@code #refusal[data-reason]}.
 */
public final class AckPage {
    private static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<String, String> SEVERITY = Map.of("P1", "紧急 · Critical", "P2", "高 · High",
            "P3", "中 · Medium", "P4", "低 · Low");
    private static final Map<String, String> STATUS = Map.of("firing", "未处理 · Open",
            "acknowledged", "已确认 · Acknowledged", "resolved", "已解决 · Resolved");
    private static final String HEAD = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>确认告警 · Acknowledge alert</title>"
            + "<style>"
            + "body{margin:0;padding:2em 1em;background:#f3f5f8;color:#1d2433;"
            + "font:16px/1.6 system-ui,-apple-system,\"PingFang SC\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif}"
            + "main{max-width:34em;margin:0 auto;background:#fff;border:1px solid #e2e6ee;border-radius:8px;padding:1.5em 1.75em}"
            + "h1{font-size:1.3em;margin:0 0 .8em}.en{color:#6b7385;font-weight:normal;font-size:.85em}"
            + ".sev{display:inline-block;padding:.05em .6em;border-radius:4px;font-size:.85em;font-weight:600;"
            + "color:#fff;background:#7b8799}.sev-P1{background:#c62828}.sev-P2{background:#e8590c}.sev-P3{background:#e0a100}"
            + ".reason{font-size:1.1em;margin:.5em 0 1em}"
            + "dl{display:grid;grid-template-columns:auto 1fr;gap:.2em 1em;margin:0 0 1.25em;font-size:.95em}"
            + "dt{color:#6b7385}dd{margin:0;overflow-wrap:anywhere}code{font-size:.9em}"
            + "label{display:block;margin-bottom:.3em}.row{display:flex;gap:.5em;flex-wrap:wrap}"
            + "input{flex:1;min-width:12em;font:inherit;padding:.4em .6em;border:1px solid #c5ccda;border-radius:6px}"
            + "button{font:inherit;padding:.4em 1.1em;border:0;border-radius:6px;background:#2f5fd0;color:#fff;cursor:pointer}"
            + "button:disabled{opacity:.6;cursor:default}#result{min-height:1.6em;margin:1em 0 0}"
            + "#result[data-state=done],#result[data-state=already]{color:#2e7d32;font-weight:600}.err,#result[data-state=error]{color:#b42318}"
            + ".foot{margin:1.5em 0 0;border-top:1px solid #e2e6ee;padding-top:.75em}a{color:#2f5fd0;text-decoration:none}"
            + "a:hover{text-decoration:underline}a .en{color:inherit}"
            + "[hidden]{display:none!important}</style></head><body><main>";
    private static final String TAIL = "</main></body></html>";
    /** Posts the name; on success hides the form and shows who acknowledged, on failure says why in both languages. */
    private static final String SCRIPT = "<script>(function(){var f=document.getElementById('ack'),"
            + "b=document.getElementById('ack-submit'),r=document.getElementById('result'),a=document.getElementById('alert');"
            + "f.onsubmit=async function(e){e.preventDefault();b.disabled=true;delete r.dataset.state;"
            + "r.textContent='正在确认… Acknowledging…';"
            + "try{var res=await fetch('../api/ack/'+location.pathname.split('/').pop(),{method:'POST',"
            + "headers:{'Content-Type':'application/json'},body:JSON.stringify({by:f.by.value})});"
            + "var j=await res.json().catch(function(){return {};});"
            + "if(res.ok){f.hidden=true;r.dataset.state='done';"
            + "r.textContent='✓ 已确认，确认人：'+j.acknowledgedBy+' · Acknowledged by '+j.acknowledgedBy;"
            + "if(a){a.dataset.status='acknowledged';document.getElementById('status').textContent='已确认 · Acknowledged';}}"
            + "else{r.dataset.state='error';r.textContent='未能确认 Not acknowledged: '+(j.error||('HTTP '+res.status));b.disabled=false;}"
            + "}catch(x){r.dataset.state='error';r.textContent='网络错误 Network error: '+x.message;b.disabled=false;}};"
            + "})();</script>";

    private AckPage() { }

    public static String refused(AckLinkException e) {
        String zh = switch (e.reason()) {
            case MALFORMED -> "这不是有效的确认链接。";
            case TAMPERED -> "链接已被修改或并非本系统签发，无法使用。";
            case EXPIRED -> "链接已过期，请在控制台中确认告警。";
        };
        String en = e.getMessage().isEmpty() ? "" : Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1) + ".";
        return HEAD + "<h1>无法确认 <span class=\"en\">Cannot acknowledge</span></h1>"
                + "<div id=\"refusal\" data-reason=\"" + e.reason().name().toLowerCase(Locale.ROOT) + "\">"
                + "<p class=\"err\">" + zh + "</p><p class=\"en\">" + esc(en) + "</p></div>"
                + "<p class=\"foot\"><a href=\"../\">打开控制台 <span class=\"en\">Open the console</span></a></p>" + TAIL;
    }

    /**
     * {@code alert} is null when the alert's JSON could not be read: the page shows its id only;
     * {@code lifecycle} null when it could not be read: the form is offered and the acknowledge says.
     * An alert already acknowledged or resolved gets no form, only who did it: a group chat's robot
     * message is seen by many, and the second to click should not be told off by a 409.
     */
    public static String form(AckLinks.Verified link, JsonObject alert, JsonObject lifecycle) {
        String status = alert == null ? "" : alert.getString("status", "");
        String state = lifecycle == null ? "open" : lifecycle.getString("state", "open");
        StringBuilder b = new StringBuilder(HEAD).append("<h1>确认告警 <span class=\"en\">Acknowledge alert</span></h1>")
                .append("<section id=\"alert\" data-status=\"").append(esc(status)).append("\">");
        if (alert != null) {
            String severity = alert.getString("severity", "");
            b.append("<span class=\"sev sev-").append(esc(severity)).append("\">")
                    .append(esc(SEVERITY.getOrDefault(severity, severity))).append("</span>")
                    .append("<p id=\"reason\" class=\"reason\">").append(esc(alert.getString("reason", ""))).append("</p>");
        }
        b.append("<dl><dt>告警 <span class=\"en\">Alert</span></dt><dd><code id=\"alert-id\">").append(esc(link.alertId()))
                .append("</code></dd>");
        if (alert != null) {
            b.append("<dt>触发 <span class=\"en\">Fired</span></dt><dd>").append(esc(firedAt(alert.getString("firedAt"))))
                    .append("</dd><dt>状态 <span class=\"en\">Status</span></dt><dd id=\"status\">")
                    .append(esc(STATUS.getOrDefault(status, status))).append("</dd>");
        }
        b.append("</dl></section>");
        if (!state.equals("open")) {
            return b.append(alreadyHandled(state, lifecycle)).append(TAIL).toString();
        }
        return b.append("<form id=\"ack\"><label for=\"by\">您的名字 <span class=\"en\">Your name</span></label>")
                .append("<div class=\"row\"><input id=\"by\" name=\"by\" required maxlength=\"80\" autocomplete=\"name\">")
                .append("<button id=\"ack-submit\" type=\"submit\">确认 Acknowledge</button></div></form>")
                .append("<p id=\"result\" role=\"status\" aria-live=\"polite\"></p>")
                .append("<p class=\"en foot\">链接有效至 Link valid until ").append(SHANGHAI.format(link.expiresAt()))
                .append(" (Asia/Shanghai)</p>").append(SCRIPT).append(TAIL).toString();
    }

    /** Who took the alert on, for a link followed after it was acknowledged (or assigned, or resolved). */
    private static String alreadyHandled(String state, JsonObject lifecycle) {
        String by = esc(lifecycle.getString("acknowledgedBy", "?"));
        String text = state.equals("resolved")
                ? "此告警已解决，无需确认。 <span class=\"en\">This alert is already resolved; nothing to acknowledge.</span>"
                : "此告警已由 " + by + " 确认，无需再次确认。 <span class=\"en\">Already acknowledged by " + by + ".</span>";
        return "<p id=\"result\" data-state=\"already\" data-lifecycle=\"" + esc(state) + "\">" + text + "</p>"
                + "<p class=\"foot\"><a href=\"../\">打开控制台 <span class=\"en\">Open the console</span></a></p>";
    }

    /** An alert's event time in Shanghai time; as given if it is not an ISO offset date-time. */
    private static String firedAt(String iso) {
        if (iso == null) return "";
        try {
            return SHANGHAI.format(OffsetDateTime.parse(iso)) + " (Asia/Shanghai)";
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
