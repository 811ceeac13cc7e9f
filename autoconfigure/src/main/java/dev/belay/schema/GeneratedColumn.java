package dev.belay.schema;

import java.util.Objects;

/**
 * The expression of a generated column and whether it is stored or (PostgreSQL 18) virtual.
 *
 * @param expression the generation expression as PostgreSQL renders it
 * @param kind stored or virtual
 */
public record GeneratedColumn(String expression, Kind kind) {

    public GeneratedColumn {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {

        STORED, VIRTUAL

    }

}
