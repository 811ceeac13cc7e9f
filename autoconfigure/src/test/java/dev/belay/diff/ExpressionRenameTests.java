package dev.belay.diff;

import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a hint renames columns, Belay rewrites the expressions that mention them the way
 * PostgreSQL renders them after {@code RENAME COLUMN}: PostgreSQL is the oracle. Names that look
 * like the column but are not it (a function, a type after {@code ::}, text in a string, a
 * collation) stay.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpressionRenameTests {

    private DiffDatabase database;

    @BeforeAll
    void connect(TestDatabase database) {
        this.database = new DiffDatabase(database);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dist > 0", "lower(lower) <> lower", "(dist + 1) > dist_total",
            "dist::text <> 'dist'", "\"text\"::text <> 'x'::text", "(\"text\" COLLATE \"C\") > 'a'",
            "lower IS NOT NULL AND dist BETWEEN 1 AND dist_total", "\"text\" ~~ 'lower%'",
            "(dist)::numeric(10,2) > (1)::numeric", "length(\"text\"::character varying) < dist" })
    void rewritesExpressionsAsPostgresRendersThemAfterARename(String condition) throws SQLException {
        String table = "CREATE TABLE t (dist integer, dist_total integer, lower text, \"text\" text, "
                + "CONSTRAINT c CHECK (" + condition + "))";
        Schema before = this.database.build("expressions", table);
        this.database.execute("expressions", "ALTER TABLE t RENAME COLUMN dist TO \"Distance km\"",
                "ALTER TABLE t RENAME COLUMN lower TO \"select\"", "ALTER TABLE t RENAME COLUMN \"text\" TO body");
        Schema after = this.database.inspect("expressions");
        String rewritten = Expressions.renameColumns(check(before).expression(),
                Map.of("dist", "Distance km", "lower", "select", "text", "body"));
        assertThat(rewritten).isEqualTo(check(after).expression());
    }

    private static CheckConstraint check(Schema schema) {
        return schema.tables().get("t").checkConstraints().get("c");
    }

}
