package dev.firebreak.index.lucene;

import dev.firebreak.query.TextNormalizer;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The tokens the query language searches: the text normalised by {@link TextNormalizer} (the very code
 * the in-memory matcher uses), then one token per character (code point) at consecutive positions, the
 * spaces included. A substring is then a phrase of its characters, and a distance in characters is a
 * distance in positions.
 *
 * <p>For the Latin glue rule, an ASCII letter or digit also gets, at the same position, a marked token
 * when it begins a run of them ({@code ^t}), ends one ({@code 7$}), or is a run by itself ({@code ^x$}).
 * A term that begins with such a character asks for {@code ^} on its first, one that ends with it for
 * {@code $} on its last ({@link LuceneQueries#positionTerms}). Marked tokens are two or three chars long,
 * so they never collide with a plain one-character token.
 */
final class CharTokenizer extends Tokenizer {
    static final char RUN_START = '^';
    static final char RUN_END = '$';

    private static final int START = 1;
    private static final int END = 2;
    private static final int BOTH = 4;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private String text;
    private int next;
    private int cur;
    private int pending;

    /** The analyzer for the character fields. */
    static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new CharTokenizer());
            }
        };
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (text == null) {
            text = TextNormalizer.normalize(readAll());
        }
        if (pending != 0) {
            int mark = Integer.lowestOneBit(pending);
            pending &= ~mark;
            char c = text.charAt(cur);
            term.setEmpty();
            if (mark != END) {
                term.append(RUN_START);
            }
            term.append(c);
            if (mark != START) {
                term.append(RUN_END);
            }
            posInc.setPositionIncrement(0);
            offset.setOffset(correctOffset(cur), correctOffset(cur + 1));
            return true;
        }
        if (next >= text.length()) {
            return false;
        }
        cur = next;
        next += Character.charCount(text.codePointAt(cur));
        term.setEmpty().append(text, cur, next);
        posInc.setPositionIncrement(1);
        offset.setOffset(correctOffset(cur), correctOffset(next));
        char c = text.charAt(cur);
        if (TextNormalizer.isWordChar(c)) {
            boolean start = cur == 0 || !TextNormalizer.isWordChar(text.charAt(cur - 1));
            boolean end = next == text.length() || !TextNormalizer.isWordChar(text.charAt(next));
            pending = (start ? START : 0) | (end ? END : 0) | (start && end ? BOTH : 0);
        }
        return true;
    }

    private String readAll() throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1024];
        int n;
        while ((n = input.read(buf)) != -1) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(text == null ? 0 : text.length());
        offset.setOffset(last, last);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        text = null;
        next = 0;
        cur = 0;
        pending = 0;
    }
}
