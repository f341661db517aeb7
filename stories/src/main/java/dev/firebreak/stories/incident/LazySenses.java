package dev.firebreak.stories.incident;

import java.util.function.Supplier;

/**
 * A post's {@link Senses}, read the first time they are asked for. Segmenting a post costs ~20 µs, and
 * most posts never need it: a post that joins by its fault concepts, or is never compared by meaning,
 * is not segmented at all. Thread-safe (read at most once; the pipeline's one worker asks anyway).
 */
public final class LazySenses {
    public static final LazySenses NONE = new LazySenses(() -> Senses.NONE);

    private Supplier<Senses> reader;
    private volatile Senses senses;

    public LazySenses(Supplier<Senses> reader) {
        this.reader = reader;
    }

    public Senses get() {
        Senses s = senses;
        if (s != null) return s;
        synchronized (this) {
            if (senses == null) {
                senses = reader.get();
                reader = null;   // the text it held can go
            }
            return senses;
        }
    }
}
