package dev.firebreak.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.query.Query.And;
import dev.firebreak.query.Query.Field;
import dev.firebreak.query.Query.Near;
import dev.firebreak.query.Query.Not;
import dev.firebreak.query.Query.Or;
import dev.firebreak.query.Query.Phrase;
import dev.firebreak.query.Query.Term;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

    static Query parse(String s) {
        try {
            return QueryParser.parse(s);
        } catch (QuerySyntaxException e) {
            throw new AssertionError(s + " -> " + e.getMessage(), e);
        }
    }

    static Term t(String s) {
        return new Term(s);
    }

    @Test
    void termsAndPhrases() {
        assertEquals(t("退款"), parse("退款"));
        assertEquals(t("iphone"), parse("iPhone"), "terms are lower-cased");
        assertEquals(t("t7"), parse("Ｔ７"), "full-width folds to half-width");
        assertEquals(new Phrase("退款 不给"), parse("\"退款   不给\""), "whitespace runs collapse inside quotes");
        assertEquals(new Phrase("退款 不给"), parse("“退款 不给”"), "Chinese quotes work");
        assertEquals(new Phrase("say \"hi\\"), parse("\"say \\\"hi\\\\\""), "backslash escapes");
        assertEquals(new Phrase(" 退款"), parse("\" 退款\""), "a leading space inside quotes is kept");
        assertEquals(t("12:00"), parse("12:00"), "a colon after digits is not a field");
        assertEquals(t("客服:不理人"), parse("客服：不理人"), "a colon after Chinese is not a field");
        assertEquals(t("and"), parse("and"), "lower-case keywords are terms");
        assertEquals(t("nearby"), parse("NEARBY"));
        assertEquals(t("t7-pro"), parse("T7-Pro"), "a hyphen inside a word is part of it");
    }

    @Test
    void booleansAndPrecedence() {
        assertEquals(new And(List.of(t("退款"), t("客服"))), parse("退款 客服"));
        assertEquals(parse("退款 客服"), parse("退款 AND 客服"));
        assertEquals(new Or(List.of(t("a"), new And(List.of(t("b"), t("c"))))), parse("a OR b AND c"), "AND binds tighter than OR");
        assertEquals(new Or(List.of(new And(List.of(t("a"), t("b"))), t("c"))), parse("a b OR c"));
        assertEquals(new And(List.of(new Not(t("a")), t("b"))), parse("NOT a b"), "NOT binds tighter than AND");
        assertEquals(new And(List.of(t("a"), new Not(t("b")))), parse("a -b"));
        assertEquals(new Not(new Or(List.of(t("a"), t("b")))), parse("-(a OR b)"));
        assertEquals(new Not(new Not(t("a"))), parse("NOT NOT a"));
        assertEquals(new And(List.of(new Or(List.of(t("a"), t("b"))), t("c"))), parse("(a OR b) c"));
        assertEquals(new And(List.of(t("a"), t("b"), t("c"))), parse("a AND (b AND c)"), "nested ANDs flatten");
        assertEquals(new Or(List.of(t("a"), t("b"), t("c"))), parse("(a OR b) OR c"), "nested ORs flatten");
        assertEquals(new And(List.of(t("退款"), t("客服"))), parse("（退款）　客服"), "full-width parentheses and space");
    }

    @Test
    void nearAndFields() {
        assertEquals(new Near(t("退款"), t("客服"), 5), parse("退款 NEAR/5 客服"));
        assertEquals(new Not(new Near(t("a"), new Phrase("b c"), 0)), parse("NOT a NEAR/0 \"b c\""), "NEAR binds tighter than NOT");
        assertEquals(new And(List.of(new Near(t("a"), t("b"), 3), t("c"))), parse("a NEAR/3 b c"));
        assertEquals(new Near(t("a"), t("b"), 3), parse("text:a NEAR/3 text:b"));
        assertEquals(new Field("platform", "weibo"), parse("platform:weibo"));
        assertEquals(new Field("platform", "weibo"), parse("Platform:Weibo"), "field names and enum values are case-insensitive");
        assertEquals(new Field("kind", "comment"), parse("kind:comment"));
        assertEquals(new Field("author", "MS4wLjABAAAA"), parse("author:MS4wLjABAAAA"), "author ids keep their case");
        assertEquals(new Field("author", "a b"), parse("author:\"a b\""));
        assertEquals(new Field("name", "暖途 官方"), parse("name:\"暖途  官方\""));
        assertEquals(new Field("name", "nuantu"), parse("name:NuanTu"));
        assertEquals(t("退款"), parse("text:退款"));
        assertEquals(new Phrase("退款 不给"), parse("text:\"退款 不给\""));
        assertEquals(new Phrase("-x"), parse("text:-x"), "a term that would not read back bare becomes a phrase");
        assertEquals(new Phrase("a:b"), parse("text:a:b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "退款", "iPhone", "\"退款 不给\"", "退款 客服", "退款 AND 客服 OR 投诉", "a OR b AND c", "(a OR b) c",
        "NOT a b", "-(a OR b) c", "NOT NOT a", "NOT (a b)", "a NEAR/5 b", "NOT a NEAR/0 \"b c\"",
        "platform:weibo kind:comment", "author:\"a b\" OR author:MS4w-x", "name:\"暖途 官方\"", "name:x:y",
        "text:-x", "text:a:b", "\"say \\\"hi\\\\\"", "\" 退款\"", "(a OR (b OR c)) AND (d OR e) AND NOT (f OR g)",
        "退款 NEAR/3 客服 AND NOT platform:douyin OR kind:video", "“AND”", "\"NEAR/3\"", "\"(\" \")\"",
    })
    void canonicalTextReadsBackAsTheSameQuery(String text) {
        Query q = parse(text);
        assertEquals(q, parse(q.toString()), text + " printed as " + q);
        assertEquals(q.toString(), parse(q.toString()).toString());
    }

    @Test
    void canonicalText() {
        assertEquals("退款 AND 客服", parse("退款   客服").toString());
        assertEquals("a AND (b OR c)", parse("a (b OR c)").toString());
        assertEquals("a OR b AND c", parse("a OR (b c)").toString());
        assertEquals("NOT (a AND b)", parse("-(a b)").toString());
        assertEquals("退款 NEAR/5 \"客服 电话\" AND platform:weibo", parse("退款 NEAR/5 \"客服 电话\" platform:WEIBO").toString());
        assertEquals("name:\"a b\"", parse("name:\"A  B\"").toString());
        assertEquals("\"AND\"", new Term("AND").toString(), "a term that would read as a keyword prints quoted");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''                          | column 1: empty query",
        "'   '                       | column 1: empty query",
        "'(退款 OR 客服'              | column 10: expected \")\" to close \"(\" at column 1",
        "'(退款 OR (客服 投诉)'       | column 15: expected \")\" to close \"(\" at column 1",
        "'a (b'                      | column 5: expected \")\" to close \"(\" at column 3",
        "'('                         | column 2: expected \")\" to close \"(\" at column 1",
        "'退款)'                     | column 3: unmatched \")\"",
        "')'                         | column 1: unmatched \")\"",
        "'a () b'                    | column 3: empty parentheses",
        "'退款 platfrom:weibo'       | column 4: unknown field \"platfrom\" (expected platform, kind, author, name, text)",
        "'http://t.cn/x'             | column 1: unknown field \"http\" (expected platform, kind, author, name, text)",
        "'platform:weib'             | column 10: unknown platform \"weib\" (expected weibo, douyin, xiaohongshu, other)",
        "'kind:reply'                | column 6: unknown kind \"reply\" (expected post, repost, comment, note, video)",
        "'退款 platform:'             | column 4: platform: needs a value",
        "'author: 123'               | column 1: author: needs a value",
        "'platform:(weibo OR douyin)' | column 1: platform: takes one value; write (platform:a OR platform:b)",
        "'退款 客服 NEAR 投诉'         | column 7: NEAR needs a distance, e.g. NEAR/5",
        "'a NEAR/ b'                 | column 3: NEAR needs a distance, e.g. NEAR/5",
        "'a NEAR/x b'                | column 3: NEAR needs a distance, e.g. NEAR/5",
        "'a NEAR/10001 b'            | column 3: NEAR distance must be at most 10000",
        "'a NEAR/3 b NEAR/3 c'       | column 12: NEAR cannot be chained; join two NEARs with AND",
        "'(a b) NEAR/3 c'            | column 7: NEAR joins two terms or phrases",
        "'a NEAR/3 (b c)'            | column 3: NEAR joins two terms or phrases",
        "'a NEAR/3 NOT b'            | column 3: NEAR joins two terms or phrases",
        "'platform:weibo NEAR/3 c'   | column 16: NEAR joins two terms or phrases",
        "'a NEAR/3 kind:post'        | column 3: NEAR joins two terms or phrases",
        "'a NEAR/3'                  | column 3: nothing after NEAR/3",
        "'NEAR/3 a'                  | column 1: nothing before NEAR/3",
        "'退款 \"不给'                | column 4: unterminated quote",
        "'name:\"暖途'                | column 6: unterminated quote",
        "'退款 \"\"'                  | column 4: empty quotes",
        "'退款 AND'                  | column 4: nothing after AND",
        "'退款 OR'                   | column 4: nothing after OR",
        "'AND 退款'                  | column 1: nothing before AND",
        "'a (OR b)'                  | column 4: nothing before OR",
        "'a AND OR b'                | column 3: nothing after AND",
        "'a AND )'                   | column 3: nothing after AND",
        "'NOT'                       | column 1: nothing after NOT",
        "'a NOT'                     | column 3: nothing after NOT",
        "'a -'                       | column 3: nothing after -",
        "'(a -)'                     | column 4: nothing after -",
    })
    void errorsSayWhatAndWhere(String text, String message) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(text));
        assertEquals(message, e.getMessage());
        assertEquals(Integer.parseInt(message.substring(7, message.indexOf(':'))), e.column());
    }

    @Test
    void columnsCountCharactersNotUtf16Units() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse("😡😡 AND"));
        assertEquals("column 4: nothing after AND", e.getMessage());
    }

    @Test
    void nestingIsLimitedWithAnErrorAtTheLevelTooDeep() throws Exception {
        String deep = "(".repeat(3000) + "a" + ")".repeat(3000);
        assertEquals("column 65: nesting deeper than 64",
                assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(deep)).getMessage());
        assertEquals("column 65: nesting deeper than 64", assertThrows(QuerySyntaxException.class,
                () -> QueryParser.parse("-".repeat(3000) + "a")).getMessage());
        assertEquals("column 65: nesting deeper than 64", assertThrows(QuerySyntaxException.class,
                () -> QueryParser.parse("(-".repeat(40) + "a" + ")".repeat(40))).getMessage(), "parentheses and NOTs count together");
        assertEquals(t("a"), parse("(".repeat(64) + "a" + ")".repeat(64)), "64 levels are fine");
        assertEquals(new And(List.of(t("a"), t("b"))), parse("(".repeat(64) + "a" + ")".repeat(64) + " (".repeat(64) + "b"
                + ")".repeat(64)), "depth is how deep, not how many");
    }
}
