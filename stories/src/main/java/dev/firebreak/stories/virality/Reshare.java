package dev.firebreak.stories.virality;

/**
 * One reshare of a story's root post.
 *
 * @param offsetSeconds seconds after the root was posted (a negative offset counts as 0)
 * @param followers     the resharer's follower count; negative when unknown
 */
public record Reshare(long offsetSeconds, long followers) { }
