package dev.firebreak.analysis.entities;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Analysis.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Puts the dictionary's entities and CoreNLP's together: where they overlap, the dictionary wins. */
public final class EntityMerge {
    private EntityMerge() { }

    /** The first score with CoreNLP's entities added, and CoreNLP named in its model. */
    public static Analysis enriched(Analysis first, List<BrandDictionary.Found> dictionary,
                                    List<BrandDictionary.Found> statistical) {
        return first.withEntities(merge(dictionary, statistical), first.model() + "+" + CoreNlpEntities.VERSION);
    }

    public static List<Entity> merge(List<BrandDictionary.Found> dictionary, List<BrandDictionary.Found> statistical) {
        List<BrandDictionary.Found> all = new ArrayList<>(dictionary);
        for (BrandDictionary.Found f : statistical) {
            if (dictionary.stream().noneMatch(d -> d.start() < f.end() && f.start() < d.end())) {
                all.add(f);
            }
        }
        all.sort(Comparator.comparingInt(BrandDictionary.Found::start));
        Set<Entity> unique = new LinkedHashSet<>();
        all.forEach(f -> unique.add(f.entity()));
        return List.copyOf(unique);
    }
}
