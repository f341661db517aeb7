package dev.firebreak.dist;

import java.util.ArrayList;
import java.util.List;

/** A Dockerfile as its instructions: comments dropped, continued lines joined, keyword upper-cased. */
record DockerfileLines(List<Instruction> instructions) {
    record Instruction(String keyword, String args) { }

    static DockerfileLines parse(String text) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) continue;
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String joined = current.toString().strip();
                current.setLength(0);
                if (joined.isEmpty()) continue;
                int space = joined.indexOf(' ');
                out.add(new Instruction(joined.substring(0, space < 0 ? joined.length() : space).toUpperCase(),
                        space < 0 ? "" : joined.substring(space + 1).strip()));
            }
        }
        return new DockerfileLines(out);
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
    }

    /** The single instruction's arguments; fails when there is none or more than one. */
    String one(String keyword) {
        List<String> found = all(keyword);
        if (found.size() != 1) throw new AssertionError("expected one " + keyword + " in the Dockerfile, found " + found);
        return found.get(0);
    }
}
