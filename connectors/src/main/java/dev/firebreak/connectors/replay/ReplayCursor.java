package dev.firebreak.connectors.replay;

/**
 * Where a replay stands in its file: the byte offset of the next unread line and that line's number,
 * so a resumed replay seeks straight there and still reports problems by line. Text form {@code offset:line}.
 */
public record ReplayCursor(long offset, long nextLine) {
    public static final ReplayCursor START = new ReplayCursor(0, 1);

    public static ReplayCursor parse(String text) {
        if (text == null) {
            return START;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("replay cursor \"" + text + "\" is not offset:line");
        }
        return new ReplayCursor(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return offset + ":" + nextLine;
    }
}
