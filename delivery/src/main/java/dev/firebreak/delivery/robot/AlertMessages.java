package dev.firebreak.delivery.robot;

import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Alert;
import dev.firebreak.core.Story;
import dev.firebreak.delivery.Delivery;
import dev.firebreak.delivery.ack.AckLinks;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders alerts as Chinese robot messages: one alert (new, update, escalation, resolution), or a
 * digest of several when the robot's rate limit folds them into one message. Times in Asia/Shanghai.
 */
public final class AlertMessages {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    static final String ACK = "确认 Acknowledge";
    static final String VIEW = "查看 View";

    private final AckLinks links;

    public AlertMessages(AckLinks links) {
        this.links = links;
    }

    /** Every rule that matched the alert's incident (most severe first), or its one rule. */
    static String ruleIds(Alert a) {
        if (a.rules().isEmpty()) return nz(a.ruleId());
        return String.join("、", a.rules().stream().map(Alert.RuleMatch::ruleId).toList());
    }

    /** One alert. */
    public RobotMessage single(Delivery delivery) {
        AlertView v = AlertView.parse(delivery.alertJson());
        Alert a = v.alert();
        MessageKind kind = MessageKind.of(v, delivery.followUp());
        List<String> lines = new ArrayList<>();
        lines.add("**级别**：" + v.severity() + "　**规则**：" + ruleIds(a) + statusNote(v));
        lines.add("**原因**：" + escape(v.reason(300)));
        if (a.story() != null) lines.add("**故事**：" + story(a.story()));
        if (a.firedAt() != null) lines.add("**时间**：" + time(a.firedAt(), FULL) + "（北京时间）");
        if (!a.mentions().isEmpty()) {
            String first = a.mentions().get(0);
            lines.add("**首条**：" + PostLinks.of(first).map(url -> "[" + first + "](" + url + ")").orElse(first));
        }
        String title = kind.label() + v.severity() + " " + v.reason(40);
        return new RobotMessage(title, v.severity(), kind == MessageKind.RESOLVED, false, lines, buttons(v));
    }

    /**
     * Several alerts in one message, one line each, as many as {@code fits} allows; when cut, a last
     * line says how many more there are and links to the console. Nothing leaves the digest's
     * delivery list: the console shows them all.
     */
    public RobotMessage digest(List<Delivery> deliveries, java.util.function.Predicate<RobotMessage> fits) {
        List<AlertView> views = deliveries.stream().map(d -> AlertView.parse(d.alertJson())).toList();
        RobotMessage withLinks = fold(views, deliveries, true, fits);
        if (withLinks.lines().size() - 1 == views.size()) return withLinks;
        // Cut: an acknowledge link per line costs ~110 bytes; listing more alerts is worth more.
        RobotMessage withoutLinks = fold(views, deliveries, false, fits);
        return withoutLinks.lines().size() > withLinks.lines().size() ? withoutLinks : withLinks;
    }

    private RobotMessage fold(List<AlertView> views, List<Delivery> deliveries, boolean ackLinks,
                              java.util.function.Predicate<RobotMessage> fits) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) all.add(digestLine(i + 1, views.get(i), deliveries.get(i).followUp(), ackLinks));
        String worst = views.stream().map(AlertView::severity).min(String::compareTo).orElse("P4");
        boolean allResolved = views.stream().allMatch(v -> v.status() == AlertStatus.RESOLVED);
        String title = "【汇总】" + views.size() + " 条告警 / " + views.size() + " alerts";
        List<RobotMessage.Button> console = List.of(new RobotMessage.Button("控制台 Console", links.console("/")));
        String intro = "发送过于频繁，以下告警合并为一条消息（最严重 " + worst + "）：";
        RobotMessage best = null;
        for (int shown = 1; shown <= all.size(); shown++) {
            List<String> lines = new ArrayList<>();
            lines.add(intro);
            lines.addAll(all.subList(0, shown));
            int more = all.size() - shown;
            if (more > 0) {
                lines.add("……另有 " + more + " 条未列出，请到[控制台](" + links.console("/") + ")查看 / "
                        + more + " more in the console");
            }
            RobotMessage m = new RobotMessage(title, worst, allResolved, true, lines, console);
            if (best != null && !fits.test(m)) break;
            best = m;
        }
        return best;
    }

    private String digestLine(int n, AlertView v, boolean followUp, boolean ackLink) {
        Alert a = v.alert();
        StringBuilder b = new StringBuilder().append(n).append(". **").append(v.severity()).append("** ")
                .append(MessageKind.of(v, followUp).label()).append(escape(v.reason(40)));
        if (a.story() != null) b.append(" · ").append(a.story().size()).append(" 条");
        if (a.firedAt() != null) b.append(" · ").append(time(a.firedAt(), SHORT));
        if (ackLink && v.status() == AlertStatus.FIRING) b.append(" [确认](").append(links.url(a.id())).append(')');
        return b.toString();
    }

    private List<RobotMessage.Button> buttons(AlertView v) {
        List<RobotMessage.Button> out = new ArrayList<>();
        if (v.status() == AlertStatus.FIRING) out.add(new RobotMessage.Button(ACK, links.url(v.alert().id())));
        out.add(new RobotMessage.Button(VIEW, links.console("/?alert=" + v.alert().id())));
        return out;
    }

    private static String statusNote(AlertView v) {
        return switch (v.status()) {
            case ACKNOWLEDGED -> "　**状态**：已确认";
            case RESOLVED -> "　**状态**：已解决";
            case FIRING -> v.escalationLevel() > 0 ? "　**升级**：第 " + v.escalationLevel() + " 级" : "";
        };
    }

    private static String story(Story.Figures f) {
        StringBuilder b = new StringBuilder().append(f.size()).append(" 条")
                .append(" · 速度 ").append(String.format(Locale.ROOT, "%.1f", f.velocity())).append(" 条/小时");
        if (f.predictedSize() != null) b.append(" · 预计 ").append(f.predictedSize()).append(" 条");
        return b.append(" · 覆盖 ").append(reach(f.reach())).append(" 人").toString();
    }

    static String reach(long n) {
        if (n >= 100_000_000L) return String.format(Locale.ROOT, "%.1f亿", n / 1e8);
        if (n >= 10_000L) return String.format(Locale.ROOT, "%.1f万", n / 1e4);
        return Long.toString(n);
    }

    private static String time(OffsetDateTime t, DateTimeFormatter f) {
        return f.format(t.atZoneSameInstant(SHANGHAI));
    }

    /** Keeps text from the alert from opening links or bold in the markdown around it. */
    private static String escape(String s) {
        return s.replace("[", "【").replace("]", "】").replace("*", "＊");
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
