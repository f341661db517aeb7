package dev.firebreak.stories.incident;

import java.util.List;

/**
 * What a post is about, for joining it to an incident: the products it names (model codes such as
 * {@code model:T7} and the brand dictionary's products), its brands, the fault concepts it speaks of
 * (bits of {@link FaultLexicon}), its complaint types (bits of the analysis' list), whether it may join
 * by topic at all (praise never does: it is not a report of a fault), whether anything is known (an
 * analysis was given), whether the brand's own account wrote it, and the product categories it names
 * (bits of the categories lexicon: 充电宝, 取暖器), and the senses of its content words ({@link Senses}: what
 * it says, in the thesaurus' terms, for joining when its words for the fault are not the lexicon's).
 */
public record Topic(List<String> products, List<String> brands, long faults, long complaints, boolean joinable,
                    boolean known, String brandAccount, long categories, LazySenses senses) {
    static final String PRODUCT = "product:";

    /** No analysis: nothing is known of what the post is about. */
    public static final Topic NONE = new Topic(List.of(), List.of(), 0, 0, false, false, null, 0, LazySenses.NONE);

    /** Whether the brand's own account wrote it ({@code brandAccount} is that account's name). */
    public boolean byBrand() {
        return brandAccount != null;
    }

    public Topic {
        products = List.copyOf(products);
        brands = List.copyOf(brands);
    }

    /** Whether there is anything to join on: a fault, and a product or brand (or the brand is speaking). */
    public boolean usable() {
        return joinable && faults != 0 && (!products.isEmpty() || !brands.isEmpty() || byBrand() || categories != 0);
    }

    /**
     * Whether it may join by meaning ({@link Senses}): it may join at all, names a product or brand (or
     * the brand is speaking), and says something the thesaurus weighs.
     */
    public boolean usableBySense() {
        return namesWhatItIsAbout() && !senses.get().isEmpty();
    }

    /** It may join at all and names a product or brand (or the brand is speaking): worth indexing by sense. */
    public boolean namesWhatItIsAbout() {
        return joinable && (!products.isEmpty() || !brands.isEmpty() || byBrand());
    }

    /**
     * Whether two posts are about different kinds of thing: both name product categories and share none
     * (a brand's heater and its air fryer both 着火 are two incidents).
     */
    public static boolean differentThings(long categories, long otherCategories) {
        return categories != 0 && otherCategories != 0 && (categories & otherCategories) == 0;
    }

    /**
     * The keys it is looked up by: its products; else its brands, as brands and as the stems of product
     * names (a post naming 橙果 finds one naming 橙果手机X9). The brand's own statements often name
     * neither (关于部分消费者饮用后不适的反馈): they are looked up by the longest beginning of their
     * account's name that is a known brand or stem (禾畔乳业 → 禾畔), else by their categories, else by
     * their faults. A post naming neither products nor brands is looked up by its categories.
     */
    public List<String> lookupKeys(java.util.function.Predicate<String> known) {
        if (!products.isEmpty()) return products;
        List<String> keys = new java.util.ArrayList<>();
        for (String b : brands) {
            keys.add("brand:" + b);
            keys.add("stem:" + b);
        }
        if (!keys.isEmpty()) return keys;
        if (!byBrand()) return categoryKeys();
        for (int end = Math.min(brandAccount.length(), 12); end >= 2 && keys.isEmpty(); end--) {
            for (String kind : new String[] {"brand:", "stem:"}) {
                if (known.test(kind + brandAccount.substring(0, end))) keys.add(kind + brandAccount.substring(0, end));
            }
        }
        if (keys.isEmpty()) keys.addAll(categoryKeys());
        return keys.isEmpty() ? faultKeys() : keys;
    }

    /** The keys it is filed under: its products, its brands, its product names' stems (2–4 chars) and its faults. */
    public List<String> indexKeys() {
        List<String> keys = new java.util.ArrayList<>(products);
        for (String b : brands) keys.add("brand:" + b);
        for (String p : products) {
            if (!p.startsWith(PRODUCT)) continue;
            String name = p.substring(PRODUCT.length());
            for (int n = 2; n <= Math.min(4, name.length()); n++) {
                if (!keys.contains("stem:" + name.substring(0, n))) keys.add("stem:" + name.substring(0, n));
            }
        }
        keys.addAll(categoryKeys());
        keys.addAll(faultKeys());
        return keys;
    }

    /** A post naming only a category (a metro operator's notice: 充电宝冒烟) is found by, and filed under, it. */
    private List<String> categoryKeys() {
        List<String> keys = new java.util.ArrayList<>();
        for (long bits = categories; bits != 0; bits &= bits - 1) keys.add("category:" + Long.numberOfTrailingZeros(bits));
        return keys;
    }

    private List<String> faultKeys() {
        List<String> keys = new java.util.ArrayList<>();
        for (long bits = faults; bits != 0; bits &= bits - 1) keys.add("fault:" + Long.numberOfTrailingZeros(bits));
        return keys;
    }
}
