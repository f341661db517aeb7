package dev.firebreak.store.memory;

import dev.firebreak.store.LifecycleStore;
import dev.firebreak.store.LifecycleStoreContract;

class InMemoryLifecycleStoreTest extends LifecycleStoreContract {
    @Override
    protected LifecycleStore freshStore() {
        return new InMemoryLifecycleStore();
    }
}
