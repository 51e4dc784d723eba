package io.migratewatch.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the models write and what PostgreSQL deparses must compare equal, and different expressions must not. */
class SqlExpressionsTest {

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"status\" between 0 and 2|((status >= 0) AND (status <= 2))",
            "\"status\" in ('NEW','PAID')|((status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[]))",
            // the same check after pg_dump or a backup recreated it: PostgreSQL moves the cast into the array
            "\"status\" in ('NEW','PAID')|((status)::text = ANY (ARRAY[('NEW'::character varying)::text, ('PAID'::character varying)::text]))",
            "\"order\" >= 0|(\"order\" >= 0)",
            "\"Mixed\" > 1|(\"Mixed\" > 1)",
            "lower(\"code\")|lower((code)::text)",
            "\"code\" IS NOT NULL|(code IS NOT NULL)"})
    void modelAndCatalogFormsAreEqual(String model, String catalog) {
        assertThat(SqlExpressions.canonicalCheck(model)).isEqualTo(SqlExpressions.canonicalCheck(catalog));
    }

    @Test
    void differentExpressionsDiffer() {
        assertThat(SqlExpressions.canonicalCheck("\"status\" between 0 and 2"))
                .isNotEqualTo(SqlExpressions.canonicalCheck("((status >= 0) AND (status <= 3))"));
        assertThat(SqlExpressions.canonicalCheck("\"s\" in ('A','B')"))
                .isNotEqualTo(SqlExpressions.canonicalCheck("\"s\" in ('A','b')"));
        assertThat(SqlExpressions.canonicalCheck("\"Mixed\" > 1")).isNotEqualTo(SqlExpressions.canonicalCheck("mixed > 1"));
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"'x'|'x'::character varying", "0|0", "now()|NOW()", "'it''s'|'it''s'::text",
            "true|TRUE", "'{}'|'{}'::jsonb"})
    void defaults(String model, String catalog) {
        assertThat(SqlExpressions.canonicalDefault(model)).isEqualTo(SqlExpressions.canonicalDefault(catalog));
    }

    @Test
    void literalCaseIsKept() {
        assertThat(SqlExpressions.canonicalDefault("'ABC'::text")).isEqualTo("'ABC'");
    }

    @Test
    void theTermsOfAConjunctionCompareInAnyOrder() {
        assertThat(SqlExpressions.canonicalCheck("(\"stars\" >= 1) and (\"stars\" <= 5)"))
                .isEqualTo(SqlExpressions.canonicalCheck("((stars <= 5) AND (stars >= 1))"));
        assertThat(SqlExpressions.canonicalCheck("a > 1 and b > 2 or c > 3"))
                .as("not when it mixes in or").isNotEqualTo(SqlExpressions.canonicalCheck("b > 2 and a > 1 or c > 3"));
    }
}
