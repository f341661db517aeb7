package dev.firebreak.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who wrote a mention, as the platform reported it at fetch time. {@code accountType} is what the
 * platform says a verified account is — {@code media}, {@code government}, {@code enterprise},
 * {@code person} — or null when it does not say.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Author(String id, String name, long followers, boolean verified, String accountType) {
    public Author {
        if (followers < 0) {
            throw new IllegalArgumentException("author.followers must not be negative, got " + followers);
        }
    }

    public Author(String id, String name, long followers, boolean verified) {
        this(id, name, followers, verified, null);
    }

    /** A verified news outlet or government account: what it carries reaches the press or a regulator. */
    public boolean mediaOrGovernment() {
        return verified && ("media".equals(accountType) || "government".equals(accountType));
    }
}
