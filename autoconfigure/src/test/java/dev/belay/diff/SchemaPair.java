package dev.belay.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Two schemas written as DDL, for round trips: the database is built at {@code from}, planned
 * to {@code to} and back. Rows inserted by {@code seed} must keep what {@code survivors} reads
 * ({@code survivorsAfter} when the columns read have other names at {@code to}).
 */
final class SchemaPair {

    private final String name;

    private final List<String> from = new ArrayList<>();

    private final List<String> to = new ArrayList<>();

    private final List<String> seed = new ArrayList<>();

    private @Nullable String survivors;

    private @Nullable String survivorsAfter;

    private UnaryOperator<DiffOptions> hints = UnaryOperator.identity();

    private int minimumVersion;

    private SchemaPair(String name) {
        this.name = name;
    }

    static SchemaPair named(String name) {
        return new SchemaPair(name);
    }

    SchemaPair from(String... ddl) {
        this.from.addAll(Arrays.asList(ddl));
        return this;
    }

    SchemaPair to(String... ddl) {
        this.to.addAll(Arrays.asList(ddl));
        return this;
    }

    SchemaPair seed(String... sql) {
        this.seed.addAll(Arrays.asList(sql));
        return this;
    }

    SchemaPair survives(String query) {
        return survives(query, query);
    }

    SchemaPair survives(String before, String after) {
        this.survivors = before;
        this.survivorsAfter = after;
        return this;
    }

    SchemaPair hints(UnaryOperator<DiffOptions> hints) {
        this.hints = hints;
        return this;
    }

    SchemaPair since(int version) {
        this.minimumVersion = version;
        return this;
    }

    String name() {
        return this.name;
    }

    String[] fromDdl() {
        return this.from.toArray(String[]::new);
    }

    String[] toDdl() {
        return this.to.toArray(String[]::new);
    }

    String[] seedSql() {
        return this.seed.toArray(String[]::new);
    }

    @Nullable String survivors() {
        return this.survivors;
    }

    @Nullable String survivorsAfter() {
        return this.survivorsAfter;
    }

    DiffOptions options(DiffOptions base) {
        return this.hints.apply(base);
    }

    int minimumVersion() {
        return this.minimumVersion;
    }

    @Override
    public String toString() {
        return this.name;
    }

}
