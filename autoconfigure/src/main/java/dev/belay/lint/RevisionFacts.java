package dev.belay.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.belay.actions.SqlStatement;
import dev.belay.revision.RevisionInfo;

import org.jspecify.annotations.Nullable;

/**
 * What a rehearsed revision did, statement by statement, and what it met.
 *
 * @param revision the revision
 * @param statements the facts of each statement it sent, in order
 * @param tablesAtStart the tables of the schema when it started, with their columns
 * @param failure how the rehearsal of the revision failed, or {@code null} when it ran to the end
 * @param failedStatement the statement that failed, when known
 */
record RevisionFacts(RevisionInfo revision, List<StatementFacts> statements, Map<String, Set<String>> tablesAtStart,
        @Nullable RuntimeException failure, @Nullable SqlStatement failedStatement) {

    RevisionFacts {
        statements = List.copyOf(statements);
    }

    boolean existedAtStart(String table) {
        return this.tablesAtStart.containsKey(table);
    }

}
