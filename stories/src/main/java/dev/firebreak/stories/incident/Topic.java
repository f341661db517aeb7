package dev.firebreak.stories.incident;

import java.util.List;

/**
 * What a post is about, for joining it to an incident: the products it names (model codes such as
 * {@code model:T7}, the brand dictionary's products, or failing both its brands), the fault concepts
 * it speaks of (bits of {@link FaultLexicon}), its complaint types (bits of the analysis' list), and
 * whether it may join by topic at all (praise never does: it is not a report of a fault).
 */
public record Topic(List<String> products, long faults, long complaints, boolean joinable) {
    public static final Topic NONE = new Topic(List.of(), 0, 0, false);

    public Topic {
        products = List.copyOf(products);
    }

    /** Whether there is anything to join on: a product and a fault. */
    public boolean usable() {
        return joinable && faults != 0 && !products.isEmpty();
    }
}
