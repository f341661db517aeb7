package dev.firebreak.rules.query;

import dev.firebreak.core.Mention;
import java.util.Locale;

/** PLACEHOLDER until the keyword query language lands: what a query is matched against, prepared once per mention. */
public final class Target {
    private final String text;

    private Target(String text) {
        this.text = text;
    }

    public static Target of(Mention mention) {
        String t = mention.text() == null ? "" : mention.text();
        return new Target(t.toLowerCase(Locale.ROOT));
    }

    String text() {
        return text;
    }
}
