package dev.belay.autoconfigure;

/**
 * The database schema differs from the JPA mapping and {@code belay.drift=fail}: the message
 * holds the differences and what to do.
 */
public class SchemaDriftException extends RuntimeException {

    public SchemaDriftException(String report) {
        super(report);
    }

}
