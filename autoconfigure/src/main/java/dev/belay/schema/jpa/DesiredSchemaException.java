package dev.belay.schema.jpa;

import org.jspecify.annotations.Nullable;

/**
 * The desired schema could not be built from the mapping: Hibernate's DDL failed in the scratch
 * schema (then {@link #statement()} names the statement), or the mapping is one Belay cannot
 * manage. Nothing is left behind in the database when this is thrown.
 */
public class DesiredSchemaException extends RuntimeException {

    private final @Nullable String statement;

    public DesiredSchemaException(String message, @Nullable String statement, @Nullable Throwable cause) {
        super(message, cause);
        this.statement = statement;
    }

    /** The DDL statement that failed, or {@code null} when the failure was not a statement's. */
    public @Nullable String statement() {
        return this.statement;
    }

}
