package dev.belay.schema;

/** How a multi-column foreign key treats rows with some of its columns null. */
public enum MatchType {

    SIMPLE, FULL, PARTIAL;

    public String sql() {
        return name();
    }

}
