package dev.firebreak.delivery.robot;

import java.util.Optional;

/**
 * The public page of a mention, from its id ({@code platform:nativeId}), for the "first mention" link
 * of a robot message. Only the platforms whose post pages are addressed by the native id.
 */
public final class PostLinks {
    private PostLinks() { }

    public static Optional<String> of(String mentionId) {
        int colon = mentionId == null ? -1 : mentionId.indexOf(':');
        if (colon <= 0 || colon == mentionId.length() - 1) return Optional.empty();
        String id = mentionId.substring(colon + 1);
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) return Optional.empty();
        return switch (mentionId.substring(0, colon)) {
            case "weibo" -> Optional.of("https://m.weibo.cn/detail/" + id);
            case "douyin" -> Optional.of("https://www.douyin.com/video/" + id);
            case "xiaohongshu" -> Optional.of("https://www.xiaohongshu.com/explore/" + id);
            default -> Optional.empty();
        };
    }
}
