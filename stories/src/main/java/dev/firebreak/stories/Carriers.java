package dev.firebreak.stories;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Sentiment;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who carried an incident, by role: the brand's own accounts, government accounts, media, KOLs
 * (at least {@link StoryState#KOL_FOLLOWERS} followers) and complainants (anyone else whose post is a
 * complaint: negative, or naming a complaint type). Each author is counted once, in the first role that
 * fits in that order. The brand's posts are also kept as its responses, earliest first. Media and
 * government are what the platform says ({@code accountType}); a verified account the platform does not
 * type is read by its name (…日报, …电视台; …市场监管, …消费者协会), since Weibo often leaves the type out.
 * Not thread-safe: its {@link StoryState} is guarded by the book.
 */
public final class Carriers {
    static final int PER_ROLE = 20;
    static final int RESPONSES = 20;
    private static final List<String> MEDIA_NAMES = List.of("报", "日报", "晚报", "新闻", "电视台", "广播", "融媒", "传媒", "频道", "财经");
    private static final List<String> GOVERNMENT_NAMES = List.of("市场监管", "消费者协会", "消协", "12315", "12345", "发布", "政务", "公安", "网信");

    /** One brand post in the incident: when (ISO-8601, +08:00), which mention, by which account. */
    public record BrandResponse(String at, String mentionId, String author, String platform) { }

    /** The carriers of an incident by role, as the snapshot shows them. */
    public record ByRole(List<StoryState.Carrier> complainants, List<StoryState.Carrier> kols,
                         List<StoryState.Carrier> media, List<StoryState.Carrier> government,
                         List<StoryState.Carrier> brand) { }

    private final BrandAccounts brandAccounts;
    private final Set<String> seen = new HashSet<>();
    private final List<StoryState.Carrier> complainants = new ArrayList<>();
    private final List<StoryState.Carrier> kols = new ArrayList<>();
    private final List<StoryState.Carrier> media = new ArrayList<>();
    private final List<StoryState.Carrier> government = new ArrayList<>();
    private final List<StoryState.Carrier> brand = new ArrayList<>();
    private final List<long[]> responseTimes = new ArrayList<>();
    private final List<BrandResponse> responses = new ArrayList<>();

    Carriers(BrandAccounts brandAccounts) {
        this.brandAccounts = brandAccounts;
    }

    void add(Mention m, Analysis analysis, long atMillis) {
        Author a = m.author();
        if (a == null) return;
        boolean byBrand = brandAccounts.wrote(m);
        if (byBrand && responses.size() < RESPONSES) addResponse(m, atMillis);
        String who = m.platform().wireName() + ":" + a.id();
        if (seen.contains(who)) return;
        if (seen.size() < StoryState.TRACKED) seen.add(who);
        List<StoryState.Carrier> role = byBrand ? brand
                : government(a) ? government
                : media(a) ? media
                : a.followers() >= StoryState.KOL_FOLLOWERS ? kols
                : complaint(analysis) ? complainants : null;
        if (role != null && role.size() < PER_ROLE) {
            role.add(new StoryState.Carrier(a.name(), m.platform().wireName(), a.followers(), a.accountType()));
        }
    }

    private void addResponse(Mention m, long atMillis) {
        int i = 0;
        while (i < responseTimes.size() && responseTimes.get(i)[0] <= atMillis) i++;   // earliest first, late ones too
        responseTimes.add(i, new long[] {atMillis});
        responses.add(i, new BrandResponse(Instant.ofEpochMilli(atMillis).atOffset(ZoneOffset.ofHours(8)).toString(),
                m.key(), m.author().name(), m.platform().wireName()));
    }

    static boolean government(Author a) {
        if ("government".equals(a.accountType())) return true;
        return a.verified() && a.accountType() == null && a.name() != null && GOVERNMENT_NAMES.stream().anyMatch(a.name()::contains);
    }

    static boolean media(Author a) {
        if ("media".equals(a.accountType())) return true;
        return a.verified() && a.accountType() == null && a.name() != null && MEDIA_NAMES.stream().anyMatch(a.name()::endsWith);
    }

    private static boolean complaint(Analysis analysis) {
        return analysis != null && (analysis.label() == Sentiment.NEGATIVE || !analysis.complaint().isEmpty());
    }

    ByRole byRole() {
        return new ByRole(List.copyOf(complainants), List.copyOf(kols), List.copyOf(media), List.copyOf(government),
                List.copyOf(brand));
    }

    List<BrandResponse> responses() {
        return List.copyOf(responses);
    }

    /** The first brand response's time, or null. */
    String firstResponseAt() {
        return responses.isEmpty() ? null : responses.get(0).at();
    }
}
