package dev.firebreak.daemon.register;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The register as CSV (RFC 4180, a header line, UTF-8 with a BOM so spreadsheet programs read the Chinese). */
final class RegisterCsv {
    static final String[] HEADER = {"mentionId", "time", "platform", "authorId", "author", "channels", "stage", "excerpt",
            "url", "storyId", "alertId", "alertState"};

    private RegisterCsv() { }

    static String write(List<RegisterEntry> lines) throws IOException {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).build())) {
            for (RegisterEntry e : lines) {
                csv.printRecord(e.mentionId(), e.time(), e.platform(), e.authorId(), e.author(), String.join(" ", e.channels()),
                        e.stage(), e.excerpt(), e.url(), e.storyId(), e.alertId(), e.alertState());
            }
        }
        return out.toString();
    }
}
