package dev.belay.tenant;

import java.util.Objects;

import javax.sql.DataSource;

import dev.belay.schema.Identifiers;

import org.jspecify.annotations.Nullable;

/**
 * One tenant: a name, and where its tables live. A tenant is a schema of the application's
 * database, or a database of its own (a {@code DataSource}, on any server), optionally in a schema
 * of that database. Each tenant has its own history table, in its schema, and its own migration
 * lock, so that one tenant's migration never waits for another's.
 *
 * @param name what the tenant is called in logs, reports and commands ({@code --tenant NAME});
 * unique among the tenants
 * @param schema the tenant's schema as PostgreSQL stores its name (case-sensitive, unquoted), or
 * {@code null} for {@code belay.schema} (or else the connection's current schema) of its database
 * @param dataSource the tenant's own database, or {@code null} for the application's
 */
public record Tenant(String name, @Nullable String schema, @Nullable DataSource dataSource) {

    public Tenant {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A tenant's name must not be blank");
        }
        if (schema != null && schema.isEmpty()) {
            throw new IllegalArgumentException("Tenant '" + name + "' has an empty schema name");
        }
        if (schema == null && dataSource == null) {
            throw new IllegalArgumentException("Tenant '" + name + "' needs a schema or a DataSource of its own");
        }
    }

    /** A schema of the application's database, named like the tenant. */
    public static Tenant schema(String schema) {
        return new Tenant(schema, schema, null);
    }

    /** A schema of the application's database, under a name of its own. */
    public static Tenant schema(String name, String schema) {
        return new Tenant(name, schema, null);
    }

    /** A database of its own, in its {@code belay.schema} (or else its connection's current schema). */
    public static Tenant database(String name, DataSource dataSource) {
        return new Tenant(name, null, Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** A schema of a database of its own. */
    public static Tenant database(String name, DataSource dataSource, String schema) {
        return new Tenant(name, Objects.requireNonNull(schema, "schema"),
                Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Whether the tenant lives in the application's database. */
    public boolean sharesTheApplicationsDatabase() {
        return this.dataSource == null;
    }

    @Override
    public String toString() {
        return "tenant '" + this.name + "'" + ((this.schema != null && !this.schema.equals(this.name))
                ? " (schema " + Identifiers.quote(this.schema) + ")" : "")
                + ((this.dataSource != null) ? " (a database of its own)" : "");
    }

}
