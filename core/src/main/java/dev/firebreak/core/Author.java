package dev.firebreak.core;

/** Who wrote a mention, as the platform reported it at fetch time. */
public record Author(String id, String name, long followers, boolean verified) {
    public Author {
        if (followers < 0) {
            throw new IllegalArgumentException("author.followers must not be negative, got " + followers);
        }
    }
}
