package dev.firebreak.connectors.weibo;

/** The account timelines a Weibo connector can follow, by the feed names configuration uses. */
enum WeiboTimeline {
    MENTIONS("mentions", "/2/statuses/mentions.json", "statuses"),
    COMMENT_MENTIONS("comment-mentions", "/2/comments/mentions.json", "comments"),
    COMMENTS_TO_ME("comments-to-me", "/2/comments/to_me.json", "comments");

    private final String feedName;
    private final String path;
    private final String listKey;

    WeiboTimeline(String feedName, String path, String listKey) {
        this.feedName = feedName;
        this.path = path;
        this.listKey = listKey;
    }

    String feedName() {
        return feedName;
    }

    String path() {
        return path;
    }

    String listKey() {
        return listKey;
    }

    boolean isComments() {
        return listKey.equals("comments");
    }

    static WeiboTimeline named(String name) {
        for (WeiboTimeline t : values()) {
            if (t.feedName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
