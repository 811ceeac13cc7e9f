package dev.belay.workbench;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Whether the JPA mapping is still the one the revisions were written for, from the mapping
 * snapshot {@code belay generate} keeps beside the revision it writes: a difference means an
 * entity changed without a revision for it, which {@code belay generate} writes.
 *
 * @param state whether it matches, differs or cannot be told
 * @param revision the revision whose mapping snapshot was compared, or {@code null}
 * @param changes how the mapping changed since, when it differs
 * @param note why it cannot be told, when it cannot
 */
public record MappingDrift(DatabaseDrift.State state, @Nullable String revision,
        MappingSnapshot.@Nullable Changes changes, @Nullable String note) {

    public MappingDrift {
        Objects.requireNonNull(state, "state");
    }

    static MappingDrift matches(String revision) {
        return new MappingDrift(DatabaseDrift.State.MATCHES, revision, null, null);
    }

    static MappingDrift differs(String revision, MappingSnapshot.Changes changes) {
        return new MappingDrift(DatabaseDrift.State.DIFFERS, revision, changes, null);
    }

    static MappingDrift unknown(@Nullable String revision, String note) {
        return new MappingDrift(DatabaseDrift.State.UNKNOWN, revision, null, note);
    }

    /** Whether the mapping differs from what the revisions were written for. */
    public boolean differs() {
        return this.state == DatabaseDrift.State.DIFFERS;
    }

    /** What changed, e.g. {@code table ride, table tag}; empty unless it differs. */
    public List<String> subjects() {
        return (this.changes != null) ? this.changes.subjects() : List.of();
    }

}
