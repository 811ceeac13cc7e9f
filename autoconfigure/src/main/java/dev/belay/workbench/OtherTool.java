package dev.belay.workbench;

/** A migration tool whose history a baseline can stand for ({@code belay baseline --from-flyway}). */
public enum OtherTool {

    FLYWAY("Flyway"),

    LIQUIBASE("Liquibase");

    private final String displayName;

    OtherTool(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return this.displayName;
    }

}
