package dev.firebreak.tools.evaluation;

import dev.firebreak.analysis.text.WordListFile;
import dev.firebreak.core.Author;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labelled incident set ({@code tools/src/test/resources/incidents/}): one mention per TSV line
 * with the incident it belongs to and its role (complaint, repost, comment, copy, media, kol,
 * government, brand, followup), and the brands' own accounts. See that folder's README.
 */
public final class IncidentSet {
    /** One labelled mention. */
    public record Labelled(String incident, String role, Mention mention) { }

    static final String HEADER = "id\tincident\trole\tplatform\tkind\tparent\tauthor\tfollowers\tverified\taccountType\tat\ttext";

    private IncidentSet() { }

    public static List<Labelled> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), r);
        }
    }

    static List<Labelled> parse(String name, Reader reader) throws IOException {
        List<Labelled> out = new ArrayList<>();
        boolean first = true;
        for (WordListFile.Line line : WordListFile.lines(name, reader)) {
            if (first && line.text().equals(HEADER)) {
                first = false;
                continue;
            }
            first = false;
            String[] f = line.text().split("\t", -1);
            if (f.length != 12) {
                throw new IllegalArgumentException(line.where() + "expected 12 TAB-separated fields (" + HEADER.replace('\t', ',')
                        + "), got " + f.length);
            }
            try {
                Platform platform = Platform.valueOf(f[3].toUpperCase(java.util.Locale.ROOT));
                Kind kind = Kind.valueOf(f[4].toUpperCase(java.util.Locale.ROOT));
                String parent = f[5].isEmpty() ? null : f[5];
                Author author = new Author("a:" + f[6], f[6], Long.parseLong(f[7]), Boolean.parseBoolean(f[8]),
                        f[9].isEmpty() ? null : f[9]);
                out.add(new Labelled(f[1], f[2], new Mention(platform, f[0], kind, f[11], OffsetDateTime.parse(f[10]), author,
                        parent, parent, null, null)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(line.where() + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The brand accounts file: one display name per line, for every platform. */
    public static BrandAccounts brandAccounts(Path file) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (WordListFile.Line line : WordListFile.lines(file.getFileName().toString(), r)) names.add(line.text().strip());
        }
        Map<Platform, Set<String>> byPlatform = new java.util.EnumMap<>(Platform.class);
        for (Platform p : Platform.values()) byPlatform.put(p, names);
        return new BrandAccounts(Map.of(), byPlatform);
    }
}
