package dev.firebreak.analysis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The word lists the analysers read (channels, cues, complaint keywords, brand names): one entry per
 * line, fields split by TAB, {@code #} comments and blank lines skipped. Each line keeps its
 * {@code FILE:LINE: } prefix, so every parser's error says where it is.
 */
public final class WordListFile {
    /** One entry: where it is ({@code "file:7: "}), the line as written, and its stripped TAB fields. */
    public record Line(String where, String text, String[] fields) {
        /**
         * The first field as a keyword, normalised like the texts it is looked for in; a keyword that is
         * empty or holds a space is refused, saying where.
         */
        public String keyword() {
            String word = Keywords.normalise(fields[0]);
            if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalStateException(where + "expected a word without spaces, got '" + text + "'");
            }
            return word;
        }
    }

    /** Parses a word list from a reader. */
    @FunctionalInterface
    public interface Parser {
        void parse(Reader reader) throws IOException;
    }

    private WordListFile() { }

    public static List<Line> lines(String file, Reader reader) throws IOException {
        List<Line> lines = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            lines.add(new Line(file + ":" + number + ": ", line, trimmed.split("\t", -1)));
        }
        return lines;
    }

    /** Hands a UTF-8 classpath resource to {@code parser}; a missing resource is a build fault. */
    public static void readResource(Class<?> owner, String path, Parser parser) {
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("resource missing: " + path);
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
