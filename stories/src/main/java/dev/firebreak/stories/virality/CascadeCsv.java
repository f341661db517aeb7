package dev.firebreak.stories.virality;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the cascades file ({@code events.csv}: {@code cascade_id, root_user_id, root_time_unix,
 * declared_size_24h, event_offset_s, user_id, parent_user_id, depth, followers}, one row per adoption,
 * depth 0 = the root). The source is named from the id: {@code tw_auspol_*} auspol, other {@code tw_*}
 * seismic, the rest weibo. A malformed row stops the read with {@code FILE:LINE: what is wrong}.
 */
final class CascadeCsv {
    private static final String HEADER = "cascade_id,root_user_id,root_time_unix,declared_size_24h,event_offset_s,"
            + "user_id,parent_user_id,depth,followers";

    private CascadeCsv() { }

    static String source(String cascadeId) {
        return cascadeId.startsWith("tw_auspol_") ? "auspol" : cascadeId.startsWith("tw_") ? "seismic" : "weibo";
    }

    static List<Cascade> read(Path file) throws IOException {
        Map<String, Builder> byId = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException(file + ":1: expected the header " + HEADER);
            }
            long lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != 9) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected 9 fields, got " + f.length);
                }
                try {
                    long offset = Long.parseLong(f[4].strip());
                    long followers = f[8].isBlank() ? -1 : Long.parseLong(f[8].strip());
                    Builder b = byId.computeIfAbsent(f[0], Builder::new);
                    if (f[7].strip().equals("0")) {
                        if (b.root) throw new IllegalArgumentException("cascade " + f[0] + " has a second root (depth 0)");
                        b.root = true;
                        b.rootFollowers = followers;
                    } else {
                        b.add(offset, followers);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": not a whole number: " + e.getMessage());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage());
                }
            }
        }
        List<Cascade> out = new ArrayList<>(byId.size());
        for (Builder b : byId.values()) {
            if (!b.root) throw new IllegalArgumentException(file + ": cascade " + b.id + " has no root row (depth 0)");
            out.add(b.build());
        }
        return out;
    }

    private static final class Builder {
        final String id;
        boolean root;
        long rootFollowers = -1;
        long[] offsets = new long[8];
        long[] followers = new long[8];
        int n;

        Builder(String id) {
            this.id = id;
        }

        void add(long offset, long f) {
            if (n == offsets.length) {
                offsets = Arrays.copyOf(offsets, 2 * n);
                followers = Arrays.copyOf(followers, 2 * n);
            }
            offsets[n] = offset;
            followers[n++] = f;
        }

        Cascade build() {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Long.compare(offsets[a], offsets[b])); // stable
            long[] o = new long[n];
            long[] f = new long[n];
            for (int i = 0; i < n; i++) {
                o[i] = offsets[order[i]];
                f[i] = followers[order[i]];
            }
            return new Cascade(id, source(id), rootFollowers, o, f);
        }
    }
}
