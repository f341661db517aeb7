package dev.firebreak.analysis.model;

import java.util.Locale;

/** The six SMP2020-EWECT emotion classes; {@link #label()} is the name used in data files and in {@link Scores}. */
public enum Emotion {
    NEUTRAL, HAPPY, ANGRY, SAD, FEAR, SURPRISE;

    private static final Emotion[] ALL = values();

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Emotion of(int index) {
        return ALL[index];
    }

    public static int count() {
        return ALL.length;
    }

    /** The emotion with this label, or null. */
    public static Emotion parse(String label) {
        for (Emotion e : ALL) {
            if (e.label().equals(label)) return e;
        }
        return null;
    }
}
