package dev.firebreak.store.memory;

import dev.firebreak.store.SubscriptionRecords;
import dev.firebreak.store.SubscriptionRecordsContract;

class InMemorySubscriptionRecordsTest extends SubscriptionRecordsContract {
    @Override
    protected SubscriptionRecords freshRecords() {
        return new InMemorySubscriptionRecords();
    }
}
