package dev.firebreak.store.memory;

import dev.firebreak.store.ServiceClockRecords;
import dev.firebreak.store.ServiceClockRecordsContract;

class InMemoryServiceClockRecordsTest extends ServiceClockRecordsContract {
    @Override
    protected ServiceClockRecords freshRecords() {
        return new InMemoryServiceClockRecords();
    }
}
