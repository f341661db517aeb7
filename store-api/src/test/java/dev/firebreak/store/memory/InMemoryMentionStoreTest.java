package dev.firebreak.store.memory;

import dev.firebreak.store.MentionStore;
import dev.firebreak.store.MentionStoreContract;

class InMemoryMentionStoreTest extends MentionStoreContract {
    @Override
    protected MentionStore openEmpty() {
        return new InMemoryMentionStore();
    }
}
