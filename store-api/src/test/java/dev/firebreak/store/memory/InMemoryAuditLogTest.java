package dev.firebreak.store.memory;

import dev.firebreak.store.AuditLog;
import dev.firebreak.store.AuditLogContract;

class InMemoryAuditLogTest extends AuditLogContract {
    @Override
    protected AuditLog freshLog(int cap) {
        return new InMemoryAuditLog(cap);
    }
}
