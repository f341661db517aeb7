/**
 * The keyword query language that alert rules and search share. One parse ({@link
 * dev.firebreak.query.QueryParser}) gives a small syntax tree ({@link dev.firebreak.query.Query});
 * {@link dev.firebreak.query.QueryMatcher} evaluates it against one mention in memory (live rules)
 * and {@code dev.firebreak.index.lucene.LuceneQueries} turns it into a Lucene query (search, backtests). A test
 * in the index module ({@code QueryAgreementTest}) holds the two to the same answers.
 *
 * <h2>Syntax</h2>
 * <pre>
 *   退款                      a term: a bare word (anything up to a space, parenthesis or quote)
 *   "退款 不给"               a phrase: exact text between quotes (" “ ” all work; \" escapes)
 *   退款 客服                 implicit AND; the same as 退款 AND 客服
 *   退款 OR 投诉              OR
 *   NOT 好评   -好评          NOT (and its short form: a minus glued to what follows)
 *   (退款 OR 投诉) 客服       parentheses
 *   退款 NEAR/5 客服          both within 5 characters of each other, either order
 *   platform:weibo           weibo | douyin | xiaohongshu | other
 *   kind:comment             post | repost | comment | note | video
 *   author:1234567           the author's platform id, exactly
 *   name:暖途  name:"暖途 官方" the author's display name contains this
 *   text:退款                the text explicitly (same as a bare term; lets a term look like a field)
 * </pre>
 * Keywords are upper case only ({@code and}, {@code or} are ordinary terms). Precedence, tightest
 * first: NEAR, NOT, AND (explicit or implicit), OR. NEAR joins two terms or phrases and cannot be
 * chained. Field names are case-insensitive. Full-width ASCII in the query (（）：＂) reads as half-width.
 * A bare word whose part before a colon is ASCII letters is a field ({@code http://…} must be quoted).
 *
 * <h2>Meaning</h2>
 * Texts, names and terms are normalised the same way ({@link dev.firebreak.query.TextNormalizer}):
 * lower case, full-width ASCII folded to half-width, whitespace runs as one space. A term or phrase
 * matches as a <b>substring</b> of the normalised text, because Chinese is written without spaces. A term
 * that begins or ends with an ASCII letter or digit must not be glued to another one on that side:
 * {@code T7} does not match {@code T70}. NEAR counts <b>characters</b> (code points, a space is one),
 * not words, because Chinese has no word spaces: {@code 退款 NEAR/2 客服} matches 退款找客服 and 客服不给退款
 * but not 退款一直找不到客服. See {@link dev.firebreak.query.QueryMatcher} for the exact rules.
 *
 * <h2>Errors</h2>
 * {@link dev.firebreak.query.QuerySyntaxException}: {@code column N: ...}, 1-based, in characters.
 */
package dev.firebreak.query;
