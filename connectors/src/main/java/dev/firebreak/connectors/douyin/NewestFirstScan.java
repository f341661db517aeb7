package dev.firebreak.connectors.douyin;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a newest-first listing (videos, comments with {@code sort_type=time}) one page at a time and
 * decides which items are new. A scan starts at the first page and ends at the first item a previous
 * scan already covered, or at the last page; only then does {@code done} move up, so a saved state
 * never claims an item that was not returned.
 *
 * <p>Douyin pages comments by offset: an item arriving between two pages pushes an already-read
 * item onto the next page. Such items are at or above {@code low} and are dropped as repeats; the
 * new arrival itself is newer than {@code top} and is picked up by the next scan. Pinned items
 * ({@code top}/{@code is_top}) are listed first whatever their age, so they neither end a scan nor
 * move {@code low}.
 */
final class NewestFirstScan {
    /** One listed item. */
    record Item<T>(String id, long time, boolean pinned, T body) { }

    /**
     * A page's outcome. {@code read} is every item of the page except repeats from earlier pages of
     * this scan; {@code fresh} those never returned before; {@code next} the state after the page.
     */
    record Step<T>(List<Item<T>> read, List<Item<T>> fresh, ScanState next, boolean finished, boolean scanFoundNew) { }

    private NewestFirstScan() { }

    static <T> Step<T> step(ScanState state, List<Item<T>> page, boolean hasMore, long nextCursor) {
        Mark top = state.inProgress() && state.top() != null ? state.top() : Mark.NONE;
        Mark low = state.inProgress() && state.low() != null ? state.low() : Mark.TOP;
        List<Item<T>> read = new ArrayList<>();
        List<Item<T>> fresh = new ArrayList<>();
        boolean reachedKnown = false;
        for (Item<T> item : page) {
            if (!item.pinned() && low.isAtOrAbove(item.time(), item.id())) {
                continue;
            }
            read.add(item);
            if (state.done().covers(item.time(), item.id())) {
                reachedKnown |= !item.pinned();
                continue;
            }
            fresh.add(item);
            top = top.raise(item.time(), item.id());
            if (!item.pinned()) {
                low = low.lower(item.time(), item.id());
            }
        }
        boolean finished = reachedKnown || !hasMore || page.isEmpty() || nextCursor == state.nextPage();
        boolean foundNew = top != Mark.NONE;
        ScanState next = finished
                ? new ScanState(state.done().max(top), null, null, null)
                : new ScanState(state.done(), nextCursor, top, low);
        return new Step<>(read, fresh, next, finished, foundNew);
    }
}
