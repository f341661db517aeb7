package dev.firebreak.rules.query;

import java.util.List;

/**
 * PLACEHOLDER until the keyword query language lands (it replaces this file at merge): a parsed
 * keyword query. Only the API that {@code dev.firebreak.rules} uses is promised.
 */
public sealed interface Query {
    /** A word or "quoted phrase" that must occur in the text (case-insensitive for Latin letters). */
    record Term(String text) implements Query { }

    record And(List<Query> parts) implements Query { }

    record Or(List<Query> parts) implements Query { }

    record Not(Query part) implements Query { }
}
