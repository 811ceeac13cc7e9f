package dev.belay.autoconfigure;

import javax.sql.DataSource;

import dev.belay.runner.MigrationRunner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Belay manages the schema of its data source, so that Hibernate's
 * {@code ddl-auto} defaults to {@code none} there.
 */
final class BelaySchemaManagementProvider implements SchemaManagementProvider {

    private final ObjectProvider<MigrationRunner> runners;

    BelaySchemaManagementProvider(ObjectProvider<MigrationRunner> runners) {
        this.runners = runners;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return this.runners.stream().anyMatch((runner) -> runner.dataSource().equals(dataSource))
                ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
    }

}
