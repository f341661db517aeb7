package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.Mention;
import java.util.LinkedHashMap;
import java.util.Map;

/** Trims each mention's text and keeps the last copy of a mention that a batch carries twice. */
public final class NormaliseStage implements Stage {
    @Override
    public String name() {
        return "normalise";
    }

    @Override
    public void apply(Batch batch) {
        Map<String, Mention> unique = new LinkedHashMap<>();
        for (Mention m : batch.received()) {
            String text = m.text().strip();
            Mention clean = text.equals(m.text()) ? m : new Mention(m.platform(), m.id(), m.kind(), text,
                    m.createdAt(), m.author(), m.parentId(), m.rootId(), m.url(), m.metrics());
            unique.remove(clean.key());
            unique.put(clean.key(), clean);
        }
        batch.unique = unique;
    }
}
