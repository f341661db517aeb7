package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.store.MentionStore;
import dev.firebreak.analysis.TextMemo;
import dev.firebreak.analysis.entities.BrandDictionary;
import dev.firebreak.analysis.entities.CoreNlpEntities;
import dev.firebreak.analysis.entities.EntityMerge;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow half of analysis: CoreNLP's people, places and organisations, added to mentions that are
 * already scored, indexed and alerted on. A mention's first score never waits for it.
 *
 * <p>Its own threads take mentions from a bounded queue; when a burst fills the queue, the overflow
 * keeps its first score (dictionary entities only) and is counted as skipped, so memory stays bounded
 * and the pipeline never blocks. Texts already read are answered from a memo. Enriched mentions are
 * written back to the index and committed in batches; a crash loses at most the uncommitted
 * enrichments, never a mention.
 */
public final class EntityEnricher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EntityEnricher.class);
    private static final int COMMIT_EVERY = 500;
    private static final ScoredMention STOP = new ScoredMention(null, null, null);

    private final CompletableFuture<CoreNlpEntities> models;
    private final BrandDictionary brands;
    private final MentionStore index;
    private final BlockingQueue<ScoredMention> queue;
    private final TextMemo<List<BrandDictionary.Found>> memo = new TextMemo<>(50_000);
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong enriched = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong uncommitted = new AtomicLong();
    private volatile boolean closed;

    public EntityEnricher(CompletableFuture<CoreNlpEntities> models, BrandDictionary brands, MentionStore index,
                          int threads, int queueCapacity) {
        this.models = models;
        this.brands = brands;
        this.index = index;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::work, "firebreak-corenlp-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /** Queues mentions for enrichment; those that do not fit are counted as skipped. Never blocks. */
    public void offer(List<ScoredMention> mentions) {
        for (ScoredMention m : mentions) {
            if (!queue.offer(m)) {
                skipped.incrementAndGet();
            }
        }
    }

    public Stats stats() {
        return new Stats(queue.size(), enriched.get(), skipped.get(), failed.get(), memo.hits());
    }

    private void work() {
        CoreNlpEntities nlp = null;
        while (nlp == null) {
            try {
                nlp = models.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (closed) return;
            } catch (InterruptedException e) {
                return;
            } catch (ExecutionException e) {
                return; // the loader logs the failure and /ready reports it
            }
        }
        while (true) {
            ScoredMention m;
            try {
                m = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (m == STOP) {
                return;
            }
            if (m == null) {
                commitIfPending();
                continue;
            }
            try {
                enrich(nlp, m);
            } catch (Exception | StackOverflowError e) {
                failed.incrementAndGet();
                LOG.warn("CoreNLP could not read mention {}: {}", m.key(), e.toString());
            }
        }
    }

    private void enrich(CoreNlpEntities nlp, ScoredMention m) throws Exception {
        String text = m.mention().text();
        Analysis a = EntityMerge.enriched(m.analysis(), brands.find(text), memo.get(text, nlp::find));
        index.upsert(List.of(new ScoredMention(m.mention(), a, m.storyId())));
        enriched.incrementAndGet();
        if (uncommitted.incrementAndGet() >= COMMIT_EVERY || queue.isEmpty()) {
            commitIfPending();
        }
    }

    private void commitIfPending() {
        if (uncommitted.getAndSet(0) > 0) {
            try {
                index.commit();
            } catch (Exception e) {
                LOG.warn("could not commit enriched mentions: {}", e.toString());
            }
        }
    }

    /** Stops the threads; mentions still queued keep their first score. Call before closing the index. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        for (int i = 0; i < workers.size(); i++) {
            queue.offer(STOP);
        }
        try {
            for (Thread t : workers) {
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commitIfPending();
    }

    /** Counters for the API and logs. */
    public record Stats(int queued, long enriched, long skipped, long failed, long memoHits) { }
}
