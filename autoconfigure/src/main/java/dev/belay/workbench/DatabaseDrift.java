package dev.belay.workbench;

import java.util.List;
import java.util.Objects;

import dev.belay.actions.SchemaSnapshot.ObjectDifference;

import org.jspecify.annotations.Nullable;

/**
 * Whether the database is still what its applied revisions left, from the fingerprint recorded
 * by the last migration: a difference means the database was changed by other means (by hand in
 * psql, by another tool), which a revision written by hand should carry, never
 * {@code belay generate} against this database.
 *
 * @param state whether it matches, differs or cannot be told
 * @param revision the latest applied revision, on which the fingerprint is recorded, or
 * {@code null} when there is none
 * @param differences the objects that differ, when it differs
 * @param note why it cannot be told, when it cannot
 */
public record DatabaseDrift(State state, @Nullable String revision, List<ObjectDifference> differences,
        @Nullable String note) {

    public DatabaseDrift {
        Objects.requireNonNull(state, "state");
        differences = List.copyOf(differences);
    }

    static DatabaseDrift matches(String revision) {
        return new DatabaseDrift(State.MATCHES, revision, List.of(), null);
    }

    static DatabaseDrift differs(String revision, List<ObjectDifference> differences) {
        return new DatabaseDrift(State.DIFFERS, revision, differences, null);
    }

    static DatabaseDrift unknown(@Nullable String revision, String note) {
        return new DatabaseDrift(State.UNKNOWN, revision, List.of(), note);
    }

    /** Whether the database differs from what its revisions built. */
    public boolean differs() {
        return this.state == State.DIFFERS;
    }

    /** The outcome of the comparison. */
    public enum State {

        /** The database is what its revisions left. */
        MATCHES,

        /** Something changed it since. */
        DIFFERS,

        /** Nothing recorded to compare with (yet), or recorded on another PostgreSQL major. */
        UNKNOWN

    }

}
