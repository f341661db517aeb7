package dev.firebreak.daemon.serviceclock;

import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.ScoredMention;

/**
 * The brand's own posts, which never raise a complaint alert (the rules skip them); they are what the
 * first-reply clock waits for.
 */
public final class BrandPosts {
    public static final BrandPosts NONE = new BrandPosts(BrandAccounts.NONE);
    private final BrandAccounts accounts;

    public BrandPosts(BrandAccounts accounts) {
        this.accounts = accounts;
    }

    /** Whether the rules must leave this mention alone: the brand itself wrote it. */
    public boolean skip(ScoredMention m) {
        return accounts.wrote(m.mention());
    }

    public BrandAccounts accounts() {
        return accounts;
    }
}
