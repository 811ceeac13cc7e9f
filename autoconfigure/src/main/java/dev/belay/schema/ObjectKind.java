package dev.belay.schema;

/** The kinds of object that Belay manages. */
public enum ObjectKind {

    ENUM_TYPE("enum type"),

    SEQUENCE("sequence"),

    TABLE("table"),

    /** A cast from or to an enum type of the schema (PostgreSQL keeps casts for the whole database). */
    CAST("cast"),

    COLUMN("column"),

    PRIMARY_KEY("primary key"),

    FOREIGN_KEY("foreign key"),

    UNIQUE_CONSTRAINT("unique constraint"),

    CHECK_CONSTRAINT("check constraint"),

    INDEX("index");

    private final String description;

    ObjectKind(String description) {
        this.description = description;
    }

    /** How a person names this kind, e.g. {@code "foreign key"}. */
    public String description() {
        return this.description;
    }

    /** Whether objects of this kind live on a table (their id names the table). */
    public boolean belongsToTable() {
        return ordinal() >= COLUMN.ordinal();
    }

}
