package dev.belay.schema.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dev.belay.schema.Cast;
import dev.belay.schema.CastContext;
import dev.belay.schema.CastMethod;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.EnumType;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.GeneratedColumn;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.Table;
import dev.belay.schema.jpa.corpus.Corpus;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each mapping feature of the {@link Corpus}: the desired schema equals what
 * {@link SchemaInspector} reads from a schema that Hibernate's own {@code create} (hbm2ddl)
 * built, and it holds the facts that show the feature is really there.
 */
@PostgresTest
class JpaDesiredSchemaCorpusTests {

    private final TestDatabase database;

    JpaDesiredSchemaCorpusTests(TestDatabase database) {
        this.database = database;
    }

    @Test
    void identityIds() {
        Schema schema = desiredEqualsCreated(Corpus.IDENTITY_IDS);
        Column book = column(schema, "identity_book", "id");
        assertThat(book.type()).isEqualTo("bigint");
        assertThat(book.identity()).isNotNull();
        assertThat(book.identity().generation()).isEqualTo(Identity.Generation.BY_DEFAULT);
        assertThat(column(schema, "identity_shelf", "id").identity().options().dataType()).isEqualTo("integer");
        assertThat(schema.sequences()).isEmpty();
    }

    @Test
    void sequenceIds() {
        Schema schema = desiredEqualsCreated(Corpus.SEQUENCE_IDS);
        Sequence invoices = schema.sequences().get("sequence_invoice_numbers");
        assertThat(invoices.options().start()).isEqualTo(1000);
        assertThat(invoices.options().increment()).isEqualTo(20);
        assertThat(schema.sequences().get("sequence_ticket_seq").options().increment()).isEqualTo(50);
        assertThat(column(schema, "sequence_invoice", "id").defaultExpression()).isNull();
    }

    @Test
    void uuidIds() {
        Schema schema = desiredEqualsCreated(Corpus.UUID_IDS);
        assertThat(column(schema, "uuid_device", "id").type()).isEqualTo("uuid");
        assertThat(column(schema, "uuid_device", "paired_with").notNull()).isFalse();
    }

    @Test
    void tableGeneratorIds() {
        Schema schema = desiredEqualsCreated(Corpus.TABLE_GENERATOR_IDS);
        assertThat(table(schema, "table_generator_counters").primaryKey().columns()).containsExactly("counter");
        assertThat(column(schema, "table_generator_counters", "next_value").type()).isEqualTo("bigint");
    }

    @Test
    void manyToOneRefs() {
        Schema schema = desiredEqualsCreated(Corpus.MANY_TO_ONE_REFS);
        Table book = table(schema, "many_to_one_book");
        ForeignKey author = book.foreignKeys().get("many_to_one_book_author_fk");
        assertThat(author.columns()).containsExactly("written_by");
        assertThat(author.targetTable()).isEqualTo("many_to_one_author");
        assertThat(author.targetColumns()).containsExactly("id");
        assertThat(book.column("written_by").notNull()).isTrue();
        assertThat(book.column("editor_id").notNull()).isFalse();
        assertThat(book.foreignKeys()).hasSize(2);
    }

    @Test
    void oneToManyRefs() {
        Schema schema = desiredEqualsCreated(Corpus.ONE_TO_MANY_REFS);
        assertThat(targets(table(schema, "one_to_many_track"))).containsExactlyInAnyOrder("playlist_id", "featured_in");
        Table archived = table(schema, "one_to_many_playlist_archived");
        assertThat(archived.foreignKeys()).hasSize(2);
        assertThat(archived.uniqueConstraints().values()).singleElement()
            .satisfies((unique) -> assertThat(unique.columns()).containsExactly("archived_id"));
    }

    @Test
    void oneToOneRefs() {
        Schema schema = desiredEqualsCreated(Corpus.ONE_TO_ONE_REFS);
        assertThat(table(schema, "one_to_one_user").uniqueConstraints().values()).singleElement()
            .satisfies((unique) -> assertThat(unique.columns()).containsExactly("avatar_id"));
        Table profile = table(schema, "one_to_one_profile");
        assertThat(profile.primaryKey().columns()).containsExactly("user_id");
        assertThat(profile.foreignKeys().values()).singleElement()
            .satisfies((key) -> assertThat(key.targetTable()).isEqualTo("one_to_one_user"));
    }

    @Test
    void manyToManyJoinTables() {
        Schema schema = desiredEqualsCreated(Corpus.MANY_TO_MANY_JOIN_TABLES);
        Table enrolment = table(schema, "many_to_many_enrolment");
        // Hibernate's create orders a composite key's columns (by size, then by name).
        assertThat(enrolment.primaryKey().columns()).containsExactly("course_id", "student_id");
        assertThat(enrolment.foreignKeys().values()).extracting(ForeignKey::targetTable)
            .containsExactlyInAnyOrder("many_to_many_student", "many_to_many_course");
        assertThat(schema.tables()).containsOnlyKeys("many_to_many_enrolment", "many_to_many_student",
                "many_to_many_course");
    }

    @Test
    void orderedLists() {
        Schema schema = desiredEqualsCreated(Corpus.ORDERED_LISTS);
        assertThat(table(schema, "ordered_album_bonus_songs").primaryKey()).isNull();
        assertThat(table(schema, "ordered_album_songs").primaryKey().columns()).containsExactly("position",
                "ordered_album_id");
        assertThat(table(schema, "ordered_album_songs").checkConstraints().values()).singleElement()
            .satisfies((check) -> assertThat(check.expression()).contains("\"position\" >= 0"));
    }

    @Test
    void elementCollections() {
        Schema schema = desiredEqualsCreated(Corpus.ELEMENT_COLLECTIONS);
        Table tags = table(schema, "element_collection_tag");
        assertThat(tags.primaryKey().columns()).containsExactly("recipe_id", "tag");
        assertThat(tags.column("tag").type()).isEqualTo("character varying(40)");
        assertThat(table(schema, "element_collection_recipe_steps").primaryKey().columns())
            .containsExactly("step_number", "element_collection_recipe_id");
        assertThat(table(schema, "element_collection_recipe_ingredients").column("ingredient").notNull()).isTrue();
    }

    @Test
    void embeddables() {
        Schema schema = desiredEqualsCreated(Corpus.EMBEDDABLES);
        Table customer = table(schema, "embeddable_customer");
        assertThat(customer.columns()).containsKeys("street", "city", "postal_code", "ship_street", "ship_city",
                "ship_postal_code");
        assertThat(customer.column("ship_street").type()).isEqualTo("character varying(200)");
        assertThat(customer.column("postal_code").notNull()).isTrue();
        assertThat(table(schema, "embeddable_order_line").primaryKey().columns()).containsExactly("slot",
                "order_number");
        ForeignKey line = table(schema, "embeddable_shipment").foreignKeys().values().iterator().next();
        assertThat(line.targetColumns()).containsExactly("slot", "order_number");
        assertThat(line.columns()).containsExactly("line_slot", "line_order_number");
    }

    @Test
    void secondaryTables() {
        Schema schema = desiredEqualsCreated(Corpus.SECONDARY_TABLES);
        Table detail = table(schema, "secondary_person_detail");
        assertThat(detail.column("biography").type()).isEqualTo("character varying(2000)");
        assertThat(detail.foreignKeys().values()).singleElement()
            .satisfies((key) -> assertThat(key.targetTable()).isEqualTo("secondary_person"));
    }

    @Test
    void joinedInheritance() {
        Schema schema = desiredEqualsCreated(Corpus.JOINED_INHERITANCE);
        for (String subclass : List.of("joined_car", "joined_truck")) {
            Table table = table(schema, subclass);
            assertThat(table.primaryKey().columns()).containsExactly("id");
            assertThat(table.foreignKeys().values()).singleElement()
                .satisfies((key) -> assertThat(key.targetTable()).isEqualTo("joined_vehicle"));
        }
        assertThat(column(schema, "joined_truck", "payload_tonnes").type()).isEqualTo("double precision");
    }

    @Test
    void singleTableInheritance() {
        Schema schema = desiredEqualsCreated(Corpus.SINGLE_TABLE_INHERITANCE);
        assertThat(schema.tables()).containsOnlyKeys("single_table_payment");
        Table payment = table(schema, "single_table_payment");
        assertThat(payment.column("kind").type()).isEqualTo("character varying(20)");
        assertThat(payment.column("kind").notNull()).isTrue();
        assertThat(payment.column("card_last_digits").notNull()).isFalse();
        assertThat(payment.checkConstraints().values()).extracting(CheckConstraint::expression)
            .anySatisfy((expression) -> assertThat(expression).contains("'card'").contains("'cash'"));
    }

    @Test
    void tablePerClassInheritance() {
        Schema schema = desiredEqualsCreated(Corpus.TABLE_PER_CLASS_INHERITANCE);
        assertThat(schema.tables()).containsOnlyKeys("per_class_circle", "per_class_square");
        assertThat(schema.sequences()).containsOnlyKeys("per_class_shape_seq");
        assertThat(table(schema, "per_class_circle").columns()).containsKeys("id", "colour", "radius");
    }

    @Test
    void enumeratedColumns() {
        Schema schema = desiredEqualsCreated(Corpus.ENUMERATED_COLUMNS);
        Table task = table(schema, "enumerated_task");
        assertThat(task.column("by_name").type()).isEqualTo("character varying(255)");
        assertThat(task.column("by_ordinal").type()).isEqualTo("smallint");
        assertThat(task.checkConstraints().values()).extracting(CheckConstraint::expression)
            .anySatisfy((expression) -> assertThat(expression).contains("'LOW'", "'NORMAL'", "'HIGH'", "'URGENT'"))
            .anySatisfy((expression) -> assertThat(expression).contains("by_ordinal >= 0", "by_ordinal <= 3"));
    }

    @Test
    void namedEnums() {
        Schema schema = desiredEqualsCreated(Corpus.NAMED_ENUMS);
        // Hibernate names the type after the Java enum, unquoted, and sorts its labels.
        assertThat(schema.enumTypes()).containsOnlyKeys("ridekind");
        assertThat(schema.enumTypes().get("ridekind")).isEqualTo(EnumType.of("ridekind", "COMMUTE", "RACE", "TOUR",
                "TRAINING"));
        assertThat(column(schema, "named_enum_ride", "kind").type()).isEqualTo("ridekind");
        // And casts from and to varchar, so that a varchar value can be assigned to the column.
        assertThat(schema.casts().values()).containsExactlyInAnyOrder(
                Cast.of("ridekind", "character varying", CastMethod.INOUT, CastContext.IMPLICIT),
                Cast.of("character varying", "ridekind", CastMethod.INOUT, CastContext.IMPLICIT));
    }

    @Test
    void basicTypes() {
        Schema schema = desiredEqualsCreated(Corpus.BASIC_TYPES);
        Table sample = table(schema, "basic_sample");
        assertThat(sample.column("flag").notNull()).isTrue();
        assertThat(sample.column("maybe").notNull()).isFalse();
        assertThat(sample.column("ratio").type()).isEqualTo("real");
        assertThat(sample.column("initial").type()).isEqualTo("character(1)");
        assertThat(sample.column("title").type()).isEqualTo("character varying(80)");
        assertThat(sample.columns()).doesNotContainKey("not_mapped");
    }

    @Test
    void temporalTypes() {
        Schema schema = desiredEqualsCreated(Corpus.TEMPORAL_TYPES);
        Table event = table(schema, "temporal_event");
        assertThat(event.column("happened_at").type()).isEqualTo("timestamp(6) with time zone");
        assertThat(event.column("scheduled_for").type()).isEqualTo("timestamp(6) with time zone");
        assertThat(event.column("local_start").type()).isEqualTo("timestamp(6) without time zone");
        assertThat(event.column("day").type()).isEqualTo("date");
        assertThat(event.column("starts_at").type()).isEqualTo("time(0) without time zone");
        assertThat(event.column("length").type()).isEqualTo("numeric(21,0)");
        assertThat(event.column("recorded_at").type()).isEqualTo("timestamp(6) with time zone");
    }

    @Test
    void numericPrecision() {
        Schema schema = desiredEqualsCreated(Corpus.NUMERIC_PRECISION);
        Table measurement = table(schema, "numeric_measurement");
        assertThat(measurement.column("distance_km").type()).isEqualTo("numeric(12,3)");
        assertThat(measurement.column("whole_percent").type()).isEqualTo("numeric(5,0)");
        assertThat(measurement.column("unspecified").type()).isEqualTo("numeric(38,2)");
        assertThat(measurement.column("huge").type()).isEqualTo("numeric(38,0)");
    }

    @Test
    void binaryData() {
        Schema schema = desiredEqualsCreated(Corpus.BINARY_DATA);
        assertThat(column(schema, "binary_attachment", "content").type()).isEqualTo("bytea");
        assertThat(column(schema, "binary_attachment", "checksum").notNull()).isTrue();
    }

    @Test
    void jsonColumns() {
        Schema schema = desiredEqualsCreated(Corpus.JSON_COLUMNS);
        assertThat(column(schema, "json_setting", "document").type()).isEqualTo("jsonb");
        assertThat(column(schema, "json_setting", "raw").type()).isEqualTo("jsonb");
    }

    @Test
    void arrayColumns() {
        Schema schema = desiredEqualsCreated(Corpus.ARRAY_COLUMNS);
        Table sample = table(schema, "array_sample");
        assertThat(sample.column("labels").type()).isEqualTo("character varying(255)[]");
        assertThat(sample.column("counts").type()).isEqualTo("integer[]");
        assertThat(sample.column("short_codes").type()).isEqualTo("character varying(16)[]");
        assertThat(sample.column("readings").type()).isEqualTo("bigint[]");
    }

    @Test
    void versions() {
        Schema schema = desiredEqualsCreated(Corpus.VERSIONS);
        assertThat(column(schema, "versioned_document", "version").type()).isEqualTo("integer");
        assertThat(column(schema, "versioned_document", "version").notNull()).isTrue();
        assertThat(column(schema, "versioned_note", "last_changed").notNull()).isTrue();
    }

    @Test
    void naturalIds() {
        Schema schema = desiredEqualsCreated(Corpus.NATURAL_IDS);
        assertThat(table(schema, "natural_country").uniqueConstraints().values()).singleElement()
            .satisfies((unique) -> assertThat(unique.columns()).containsExactly("iso_code"));
    }

    @Test
    void indexesAndUniques() {
        Schema schema = desiredEqualsCreated(Corpus.INDEXES_AND_UNIQUES);
        Table account = table(schema, "indexed_account");
        assertThat(account.indexes().get("indexed_account_email_idx").keys()).containsExactly("email");
        Index regionCreated = account.indexes().get("indexed_account_region_created_idx");
        assertThat(regionCreated.keys()).containsExactly("region", "created_on DESC");
        assertThat(account.uniqueConstraints().get("indexed_account_region_number_uk").columns())
            .containsExactly("region", "number");
        // Hibernate turns a unique @Index into a unique constraint.
        assertThat(account.uniqueConstraints().get("indexed_account_handle_idx").columns()).containsExactly("handle");
        assertThat(account.uniqueConstraints().values())
            .anySatisfy((unique) -> assertThat(unique.columns()).containsExactly("external_ref"));
    }

    @Test
    void checkConstraints() {
        Schema schema = desiredEqualsCreated(Corpus.CHECK_CONSTRAINTS);
        Table range = table(schema, "checked_range");
        assertThat(range.checkConstraints().get("checked_range_ordered").expression()).contains("low <= high");
        assertThat(range.checkConstraints().get("checked_range_ordered").columns()).containsExactly("high", "low");
        assertThat(range.checkConstraints().values()).anySatisfy((check) -> {
            assertThat(check.expression()).contains("step > 0");
            assertThat(check.columns()).containsExactly("step");
        });
    }

    @Test
    void columnDefaults() {
        Schema schema = desiredEqualsCreated(Corpus.COLUMN_DEFAULTS);
        Table counter = table(schema, "defaulted_counter");
        assertThat(counter.column("hits").defaultExpression()).isEqualTo("0");
        assertThat(counter.column("state").defaultExpression()).isEqualTo("'new'::character varying");
        assertThat(counter.column("created_at").defaultExpression()).isEqualTo("now()");
        assertThat(counter.column("active").defaultExpression()).isEqualTo("true");
    }

    @Test
    void generatedColumns() {
        Schema schema = desiredEqualsCreated(Corpus.GENERATED_COLUMNS);
        GeneratedColumn area = column(schema, "generated_box", "area").generated();
        assertThat(area).isNotNull();
        assertThat(area.expression()).contains("width * height");
        // Hibernate asks PostgreSQL 18 for its default, a virtual column, and older servers for a stored one.
        assertThat(area.kind()).isEqualTo((this.database.server().majorVersion() >= 18) ? GeneratedColumn.Kind.VIRTUAL
                : GeneratedColumn.Kind.STORED);
    }

    @Test
    void comments() {
        Schema schema = desiredEqualsCreated(Corpus.COMMENTS);
        Table rider = table(schema, "commented_rider");
        assertThat(rider.comment()).isEqualTo("People who ride");
        assertThat(rider.column("id").comment()).isEqualTo("Surrogate key");
        assertThat(rider.column("nickname").comment()).isEqualTo("What friends call the rider");
    }

    @Test
    void columnDefinitions() {
        Schema schema = desiredEqualsCreated(Corpus.COLUMN_DEFINITIONS);
        Table product = table(schema, "defined_product");
        assertThat(product.column("description").type()).isEqualTo("text");
        assertThat(product.column("price").type()).isEqualTo("numeric(8,2)");
        assertThat(product.column("price").notNull()).isTrue();
        assertThat(product.column("price").defaultExpression()).isEqualTo("0");
        assertThat(product.column("sku").type()).isEqualTo("character varying(12)");
        assertThat(product.column("updated_at").type()).isEqualTo("timestamp(3) with time zone");
        assertThat(product.column("sizes").type()).isEqualTo("smallint[]");
        assertThat(product.checkConstraints().values()).singleElement()
            .satisfies((check) -> assertThat(check.expression()).contains("length((sku)::text) > 3"));
    }

    @Test
    void quotedNames() {
        Schema schema = desiredEqualsCreated(Corpus.QUOTED_NAMES);
        assertThat(schema.tables()).containsOnlyKeys("order", "Quoted OrderLine");
        Table order = table(schema, "order");
        assertThat(order.columns()).containsOnlyKeys("select", "placedOn", "Display Name", "it's \"quoted\"");
        assertThat(order.primaryKey().columns()).containsExactly("select");
        assertThat(order.indexes().get("quoted_order_placed_idx").keys()).containsExactly("\"placedOn\"");
        ForeignKey line = table(schema, "Quoted OrderLine").foreignKeys().values().iterator().next();
        assertThat(line.columns()).containsExactly("Order");
        assertThat(line.targetTable()).isEqualTo("order");
        assertThat(line.targetColumns()).containsExactly("select");
    }

    @Test
    void theWholeCorpusAsOneModel() {
        Schema schema = desiredEqualsCreated("whole_corpus", Corpus.allEntities());
        assertThat(schema.tables()).hasSizeGreaterThan(Corpus.values().length)
            .containsKeys("identity_book", "many_to_many_enrolment", "order", "Quoted OrderLine", "versioned_note");
        assertThat(schema.enumTypes()).containsOnlyKeys("ridekind");
        assertThat(schema.casts()).containsOnlyKeys("ridekind AS character varying", "character varying AS ridekind");
    }

    private Schema desiredEqualsCreated(Corpus feature) {
        return desiredEqualsCreated(feature.name().toLowerCase(Locale.ROOT), feature.entities());
    }

    /**
     * Builds the feature's schema with Hibernate's {@code create} in a fresh schema of its own, and
     * its desired schema through Belay from a boot model of its own, as an application that does
     * not let Hibernate create its schema has; they must be equal.
     */
    private Schema desiredEqualsCreated(String name, List<Class<?>> entities) {
        String created = "created_" + name;
        this.database.execute("DROP SCHEMA IF EXISTS " + created + " CASCADE", "CREATE SCHEMA " + created);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(this.database.url());
        dataSource.setUser(this.database.user());
        dataSource.setPassword(this.database.password());
        dataSource.setCurrentSchema(created);
        try (HibernateModel creating = HibernateModel.created(dataSource, entities);
                HibernateModel model = HibernateModel.of(this.database.dataSource(), entities);
                Connection connection = this.database.connect()) {
            Schema built = new SchemaInspector().inspect(connection, created);
            Schema desired = new JpaDesiredSchema(model.metadata()).desiredSchema(connection);
            assertThat(desired).isEqualTo(built);
            assertThat(desired.tables()).isNotEmpty();
            assertThat(desired.unmanaged()).isEmpty();
            return desired;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Table table(Schema schema, String name) {
        assertThat(schema.tables()).containsKey(name);
        return schema.tables().get(name);
    }

    private static Column column(Schema schema, String table, String name) {
        assertThat(table(schema, table).columns()).containsKey(name);
        return table(schema, table).column(name);
    }

    private static List<String> targets(Table table) {
        return table.foreignKeys().values().stream().flatMap((key) -> key.columns().stream()).toList();
    }

}
