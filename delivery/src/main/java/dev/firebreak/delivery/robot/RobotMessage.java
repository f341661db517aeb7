package dev.firebreak.delivery.robot;

import java.util.List;

/**
 * A robot message before a platform lays it out: a title, body lines in the markdown every platform
 * takes ({@code **bold**} and {@code [text](url)}), and buttons. Each receiver turns it into its own
 * JSON (WeCom markdown or text, DingTalk actionCard or markdown, Feishu card).
 *
 * @param severity the worst severity in the message (P1..P4), for a platform's colour
 * @param resolved  every alert in it is resolved
 * @param digest    several alerts folded into one message
 */
public record RobotMessage(String title, String severity, boolean resolved, boolean digest, List<String> lines,
                           List<Button> buttons) {

    public RobotMessage {
        lines = List.copyOf(lines);
        buttons = List.copyOf(buttons);
    }

    /** A link shown as a button where the platform has buttons, as a link in the text where not. */
    public record Button(String text, String url) { }

    /** The lines and then the buttons as markdown links, joined by {@code separator}. */
    public String markdownBody(String separator) {
        StringBuilder b = new StringBuilder(String.join(separator, lines));
        if (!buttons.isEmpty()) {
            b.append(separator);
            for (int i = 0; i < buttons.size(); i++) {
                b.append(i == 0 ? "" : "　").append('[').append(buttons.get(i).text()).append("](")
                        .append(buttons.get(i).url()).append(')');
            }
        }
        return b.toString();
    }

    /** The same without markdown, for a platform's plain-text message: links become "text: url". */
    public String plainText() {
        String md = title + "\n" + markdownBody("\n");
        return md.replaceAll("\\[([^\\]]*)]\\(([^)]*)\\)", "$1: $2").replace("**", "");
    }
}
