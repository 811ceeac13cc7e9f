/**
 * Revisions and what Belay knows about them: the {@link dev.belay.revision.MigrationRevision}
 * annotation and the {@link dev.belay.revision.Revision} interface a revision class implements,
 * the {@link dev.belay.revision.Migrator} it is given, the {@link dev.belay.revision.RevisionGraph}
 * that validates and orders all revisions, and the {@link dev.belay.revision.RevisionHistory}
 * table that records which of them a database has.
 */
@NullMarked
package dev.belay.revision;

import org.jspecify.annotations.NullMarked;
