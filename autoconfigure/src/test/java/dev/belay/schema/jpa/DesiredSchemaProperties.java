package dev.belay.schema.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.belay.schema.Schema;
import dev.belay.schema.jpa.GeneratedModel.ColumnSpec;
import dev.belay.schema.jpa.GeneratedModel.EntitySpec;
import dev.belay.schema.jpa.GeneratedModel.Kind;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hibernate.boot.model.naming.Identifier;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On random JPA models, with names PostgreSQL keeps only when quoted: the desired schema equals
 * what Hibernate's own {@code create} builds, and building it leaves nothing behind.
 */
class DesiredSchemaProperties {

    private static final AtomicInteger schemas = new AtomicInteger();

    private static TestDatabase database;

    @BeforeContainer
    static void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterContainer
    static void dropDatabase() {
        database.close();
    }

    @Property(tries = 20)
    void theDesiredSchemaIsWhatHibernatesCreateBuilds(@ForAll("models") GeneratedModel model) throws SQLException {
        String created = "created_" + schemas.incrementAndGet();
        database.execute("CREATE SCHEMA " + created);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        dataSource.setCurrentSchema(created);
        List<Class<?>> entities = model.entityClasses();
        try (HibernateModel creating = HibernateModel.created(dataSource, entities);
                HibernateModel hibernate = HibernateModel.of(database.dataSource(), entities);
                Connection connection = database.connect()) {
            Schema built = new SchemaInspector().inspect(connection, created);
            CatalogSnapshot before = CatalogSnapshot.of(connection);
            Schema desired = new JpaDesiredSchema(hibernate.metadata()).desiredSchema(connection);
            assertThat(CatalogSnapshot.of(connection)).isEqualTo(before);
            assertThat(desired).isEqualTo(built);
            assertThat(desired.tables().keySet())
                .containsExactlyInAnyOrderElementsOf(model.entities().stream().map(EntitySpec::table).toList());
        }
        finally {
            database.execute("DROP SCHEMA " + created + " CASCADE");
        }
    }

    @Provide
    Arbitrary<GeneratedModel> models() {
        return Arbitraries.integers()
            .between(1, 4)
            .flatMap((count) -> Combinators.combine(entities(count)).as(GeneratedModel::new))
            .filter(DesiredSchemaProperties::namesAreDistinct);
    }

    private static List<Arbitrary<EntitySpec>> entities(int count) {
        List<Arbitrary<EntitySpec>> entities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int earlier = i;
            entities.add(Combinators.combine(names(), Arbitraries.of(true, false), columns(earlier).list().ofMaxSize(6))
                .as(EntitySpec::new));
        }
        return entities;
    }

    private static Arbitrary<ColumnSpec> columns(int earlierEntities) {
        Arbitrary<Kind> kinds = Arbitraries.of(Kind.values())
            .filter((kind) -> kind != Kind.REFERENCE || earlierEntities > 0);
        return Combinators.combine(names(), kinds, Arbitraries.integers().between(1, 38),
                Arbitraries.integers().between(0, 38), Arbitraries.integers().between(0, Math.max(0, earlierEntities - 1)),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as((name, kind, length, scale, target, nullable, unique, indexed) -> new ColumnSpec(name, kind, length,
                    Math.min(scale, length), target, nullable, unique && kind != Kind.REFERENCE,
                    // Hibernate splits an index's column list on commas and spaces, so only plain
                    // names are indexed.
                    indexed && name.matches("[A-Za-z_$]+")));
    }

    /** Names that need quoting: mixed case, spaces, quotes, punctuation, reserved words. */
    private static Arbitrary<String> names() {
        return Arbitraries.oneOf(
                // No dots: Hibernate reads one in a table name as a schema when it names the
                // table's default sequence.
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCXYZ _\"'-$é").ofMinLength(1)
                    .ofMaxLength(16)
                    // Hibernate trims a name before it reads it: a blank name is no name at all
                    // (it fails inside Hibernate), and one that starts and ends with a double
                    // quote once trimmed is read, unquoted, as quoted again and refused.
                    .filter((name) -> !name.isBlank() && !Identifier.isQuoted(name.trim())),
                Arbitraries.of("order", "select", "user", "Table", "group by", "a\"b", " padded "));
    }

    private static boolean namesAreDistinct(GeneratedModel model) {
        Set<String> tables = new HashSet<>();
        for (EntitySpec entity : model.entities()) {
            if (!tables.add(entity.table())) {
                return false;
            }
            Set<String> columns = new HashSet<>(Set.of("id"));
            for (ColumnSpec column : entity.columns()) {
                if (!columns.add(column.name())) {
                    return false;
                }
            }
        }
        return true;
    }

}
