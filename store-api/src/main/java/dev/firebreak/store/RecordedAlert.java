package dev.firebreak.store;

/** An alert as stored: its place in the feed ({@code seq}, the SSE event id) and its JSON. */
public record RecordedAlert(long seq, String json) { }
