package dev.belay.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.belay.schema.MappedTables;

/**
 * The tables and columns that the release before a revision maps, which keeps running beside the
 * new one while a rolling deploy replaces its instances: read from the mapping snapshot that
 * {@code belay generate} kept beside the nearest earlier revision (Hibernate's own DDL for that
 * mapping), or, where no earlier revision has one, assumed to be every column of the schema the
 * revision starts from.
 *
 * @param mapped the tables by name, with their columns
 * @param source where this knowledge comes from, for messages
 * @param assumed whether it is assumed from the schema rather than read from a mapping
 */
record PreviousRelease(MappedTables mapped, String source, boolean assumed) {

    /** The first release: nothing ran before it. */
    static PreviousRelease none() {
        return new PreviousRelease(MappedTables.none(), "no earlier release", false);
    }

    /** Assumed from the schema a revision starts from. */
    static PreviousRelease assumed(Map<String, Set<String>> tables) {
        return new PreviousRelease(new MappedTables(tables, Set.of()), "no mapping was kept before this revision, so "
                + "the previous release is taken to use every column of the schema it starts from", true);
    }

    /** Read from the statements of a mapping snapshot (Hibernate's {@code create} DDL). */
    static PreviousRelease ofDdl(List<String> statements, String revision) {
        return new PreviousRelease(MappedTables.ofDdl(statements), "the previous release's mapping is the one kept "
                + "with revision '" + revision + "'", false);
    }

    boolean uses(String table) {
        return this.mapped.maps(table);
    }

    boolean uses(String table, String column) {
        return this.mapped.maps(table, column);
    }

}
