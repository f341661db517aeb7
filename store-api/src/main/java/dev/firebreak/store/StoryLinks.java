package dev.firebreak.store;

import java.util.Collection;
import java.util.concurrent.CompletionStage;

/** Root post to story links made by near-duplicate matching; a link is never changed once made. */
public interface StoryLinks {

    /** The stories that the given root posts were joined to as near-duplicates (absent: their own story). */
    CompletionStage<java.util.Map<String, String>> storyLinks(Collection<String> rootKeys);

    /** Records root post -> story links; a link is never changed once made. */
    CompletionStage<Void> saveStoryLinks(java.util.Map<String, String> links);
}
