package dev.belay.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.belay.actions.SchemaSnapshot;

/**
 * The schema a baseline revision was written from, kept beside it as a resource
 * ({@code belay/baselines/<id>.schema}, the {@linkplain SchemaSnapshot#text() snapshot's text}):
 * what a database must have, exactly, to be recorded at the baseline without running it. Reading
 * it needs no DDL, so a production start can take over a database this way.
 */
public final class BaselineSchema {

    private BaselineSchema() {
    }

    /** The resource's path, relative to the class path's root. */
    public static String resource(String revision) {
        return "belay/baselines/" + revision + ".schema";
    }

    /**
     * The schema recorded beside a baseline, if the class path has it.
     * @throws IllegalStateException when the resource is there but is not a snapshot
     */
    public static Optional<SchemaSnapshot> find(ClassLoader classLoader, String revision) {
        try (InputStream in = classLoader.getResourceAsStream(resource(revision))) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(SchemaSnapshot.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + resource(revision), ex);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(resource(revision) + " is not a schema Belay recorded: " + ex.getMessage(),
                    ex);
        }
    }

    /** The differences as lines a person reads: at most 20, then how many more. */
    static String describe(List<SchemaSnapshot.ObjectDifference> differences) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(differences.size(), 20);
        for (SchemaSnapshot.ObjectDifference difference : differences.subList(0, shown)) {
            text.append("  ").append(difference.object()).append(": ");
            if (difference.before() == null) {
                text.append("only in the database: ").append(difference.after());
            }
            else if (difference.after() == null) {
                text.append("missing from the database: ").append(difference.before());
            }
            else {
                text.append(difference.before()).append(" in the baseline, ").append(difference.after())
                    .append(" in the database");
            }
            text.append('\n');
        }
        if (differences.size() > shown) {
            text.append("  and ").append(differences.size() - shown).append(" more\n");
        }
        return text.toString();
    }

}
