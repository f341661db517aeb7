package dev.firebreak.tools.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a {@code label,text} CSV (UTF-8, RFC 4180 quoting: a quoted field may hold commas, doubled
 * quotes and line breaks). A header line {@code label,text} is skipped. Each bad record is reported
 * as {@code FILE:LINE: what is wrong} and skipped; the rest are returned.
 */
public final class LabelledCsv {
    private final String file;
    private final String source;
    private final Consumer<String> problems;
    private int skipped;

    private LabelledCsv(String file, String source, Consumer<String> problems) {
        this.file = file;
        this.source = source;
        this.problems = problems;
    }

    /** The result of reading one file: its good records and how many were skipped. */
    public record Result(List<LabelledText> texts, int skipped) { }

    public static Result read(Path path, Consumer<String> problems) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(path), decoder), 1 << 16)) {
            return read(reader, path.toString(), sourceName(path), problems);
        } catch (CharacterCodingException e) {
            throw new IOException(path + ": not UTF-8 text (" + e.getMessage() + ")", e);
        }
    }

    static Result read(Reader reader, String file, String source, Consumer<String> problems) throws IOException {
        LabelledCsv csv = new LabelledCsv(file, source, problems);
        return new Result(csv.parse(reader), csv.skipped);
    }

    /** {@code waimai_10k_train.csv} is the data set {@code waimai_10k}. */
    static String sourceName(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(".csv")) name = name.substring(0, name.length() - 4);
        if (name.endsWith("_train")) name = name.substring(0, name.length() - 6);
        return name;
    }

    private List<LabelledText> parse(Reader in) throws IOException {
        List<LabelledText> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;       // inside a quoted field
        boolean wasQuoted = false;    // the current field was quoted and its closing quote seen
        String error = null;
        boolean first = true;
        for (int c = in.read(); ; c = in.read()) {
            if (c == -1 && quoted) {
                report(recordLine, "a quoted field is not closed before the end of the file");
                break;
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        wasQuoted = true;
                        in.reset();
                    }
                } else {
                    if (c == '\n') line++;
                    field.append((char) c);
                }
                continue;
            }
            if (c == ',' ) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                if (c == -1 && fields.isEmpty() && field.length() == 0) break;
                fields.add(stripCr(field));
                if (error != null) {
                    report(recordLine, error);
                } else if (!(first && fields.size() == 2 && fields.get(0).strip().equals("label")
                        && fields.get(1).strip().equals("text"))) {
                    LabelledText t = record(fields, recordLine);
                    if (t != null) out.add(t);
                }
                first = false;
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                error = null;
                if (c == -1) break;
                line++;
                recordLine = line;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
            } else if (wasQuoted && c != '\r') {
                if (error == null) error = "unexpected character '" + (char) c + "' after a closing quote (quote the whole field and double any \" inside it)";
            } else {
                field.append((char) c);
            }
        }
        return out;
    }

    private static String stripCr(StringBuilder field) {
        int n = field.length();
        return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
    }

    private LabelledText record(List<String> fields, int line) {
        if (fields.size() == 1 && fields.get(0).isBlank()) {
            return null;   // a blank line is not a record
        }
        if (fields.size() != 2) {
            report(line, "expected 2 fields (label,text), got " + fields.size() + " (quote a text that has commas)");
            return null;
        }
        String text = fields.get(1);
        if (text.isBlank()) {
            report(line, "the text is empty");
            return null;
        }
        LabelledText t = LabelledText.of(source, line, fields.get(0), text);
        if (t == null) {
            report(line, "unknown label \"" + fields.get(0) + "\" (expected " + LabelledText.LABELS + ")");
        }
        return t;
    }

    private void report(int line, String what) {
        skipped++;
        problems.accept(file + ":" + line + ": " + what);
    }
}
