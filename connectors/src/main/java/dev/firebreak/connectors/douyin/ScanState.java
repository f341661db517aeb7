package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the reading of one newest-first listing stands. {@code done} covers every item a finished
 * scan returned. While a scan is under way, {@code page} is Douyin's cursor for its next page,
 * {@code top} the newest item it returned (becomes part of {@code done} when the scan ends) and
 * {@code low} the oldest non-pinned item it has gone down to. Between scans those three are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScanState(Mark done, Long page, Mark top, Mark low) {
    static final ScanState FRESH = new ScanState(Mark.NONE, null, null, null);

    ScanState {
        done = done == null ? Mark.NONE : done;
    }

    boolean inProgress() {
        return page != null;
    }

    /** Douyin's cursor for the page to read next: 0 starts a new scan. */
    long nextPage() {
        return page == null ? 0 : page;
    }
}
