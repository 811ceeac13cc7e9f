package dev.belay.schema.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.belay.schema.Cast;
import dev.belay.schema.CastContext;
import dev.belay.schema.CastMethod;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Deferrability;
import dev.belay.schema.EnumType;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.GeneratedColumn;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.MatchType;
import dev.belay.schema.ObjectId;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.ReferentialAction;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.SequenceOptions;
import dev.belay.schema.Table;
import dev.belay.schema.UniqueConstraint;
import dev.belay.schema.UnmanagedObject;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaInspectorTests {

    /** A ride log with one of everything the model holds, and awkward names. */
    static final String[] RIDE_LOG = {
            "CREATE TYPE ride_type AS ENUM ('ROAD', 'GRAVEL', 'MTB')",
            "CREATE TYPE \"Mood\" AS ENUM ('happy', 'it''s raining')",
            "CREATE CAST (ride_type AS varchar) WITH INOUT AS IMPLICIT",
            "CREATE SEQUENCE rider_seq AS bigint START WITH 1 INCREMENT BY 50",
            """
            CREATE TABLE rider (
                id bigint NOT NULL,
                name character varying(255) NOT NULL,
                email text COLLATE "C",
                created_at timestamp(6) with time zone DEFAULT now() NOT NULL,
                CONSTRAINT rider_pkey PRIMARY KEY (id),
                CONSTRAINT rider_email_key UNIQUE NULLS NOT DISTINCT (email)
            )""",
            """
            CREATE TABLE ride (
                id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5 CACHE 20),
                rider_id bigint NOT NULL,
                type ride_type NOT NULL DEFAULT 'ROAD',
                moods "Mood"[],
                distance numeric(10,2) CHECK (distance >= 0),
                distance_miles numeric GENERATED ALWAYS AS (distance / 1.609) STORED,
                started_at timestamp with time zone NOT NULL,
                track bytea,
                data jsonb,
                tags text[] DEFAULT '{}'::text[],
                serial_no serial,
                PRIMARY KEY (id),
                CONSTRAINT ride_rider_fk FOREIGN KEY (rider_id) REFERENCES rider (id)
                    ON DELETE CASCADE ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED
            )""",
            """
            CREATE TABLE "Order" (
                "select" integer NOT NULL,
                "Mixed Case" text,
                "quote""d" text,
                PRIMARY KEY ("select")
            )""",
            "CREATE INDEX ride_started_idx ON ride (started_at DESC NULLS LAST) INCLUDE (distance) WHERE distance > 0",
            "CREATE INDEX ride_lower_idx ON ride (lower(data ->> 'name'), rider_id)",
            "CREATE INDEX ride_data_idx ON ride USING gin (data)",
            "CREATE UNIQUE INDEX \"Order_idx\" ON \"Order\" (\"Mixed Case\" text_pattern_ops, \"quote\"\"d\" COLLATE \"C\")",
            "COMMENT ON TABLE ride IS 'One ride, with ''quotes'''",
            "COMMENT ON COLUMN ride.distance IS 'kilometres'",
            "CREATE VIEW long_rides AS SELECT id, distance FROM ride WHERE distance > 100" };

    private CatalogFixture catalog;

    private Schema rideLog;

    @BeforeAll
    void buildTheRideLog(TestDatabase database) throws SQLException {
        this.catalog = new CatalogFixture(database);
        this.rideLog = this.catalog.build("ride_log", RIDE_LOG);
    }

    @Test
    void readsEnumTypesWithTheirLabelsInOrder() {
        assertThat(this.rideLog.enumTypes()).containsOnlyKeys("ride_type", "Mood");
        assertThat(this.rideLog.enumTypes().get("ride_type")).isEqualTo(EnumType.of("ride_type", "ROAD", "GRAVEL", "MTB"));
        assertThat(this.rideLog.enumTypes().get("Mood").labels()).containsExactly("happy", "it's raining");
    }

    @Test
    void readsTheCastsOfItsEnumTypesAndNoOthers() throws SQLException {
        this.catalog.create("other_casts", "CREATE TYPE ride_type AS ENUM ('ROAD')",
                "CREATE CAST (ride_type AS varchar) WITH INOUT AS IMPLICIT",
                "CREATE CAST (varchar AS ride_type) WITH INOUT AS IMPLICIT");
        Schema schema = this.catalog.build("casts", "CREATE TYPE ride_type AS ENUM ('ROAD', 'GRAVEL')",
                "CREATE TYPE \"Mood\" AS ENUM ('happy')",
                "CREATE CAST (ride_type AS varchar) WITH INOUT AS IMPLICIT",
                "CREATE CAST (varchar AS ride_type) WITH INOUT AS ASSIGNMENT",
                "CREATE CAST (\"Mood\" AS text) WITH INOUT",
                "CREATE FUNCTION mood_length(\"Mood\") RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 1'",
                "CREATE CAST (\"Mood\" AS integer) WITH FUNCTION mood_length(\"Mood\")");
        assertThat(schema.casts().values()).containsExactlyInAnyOrder(
                Cast.of("ride_type", "character varying", CastMethod.INOUT, CastContext.IMPLICIT),
                Cast.of("character varying", "ride_type", CastMethod.INOUT, CastContext.ASSIGNMENT),
                Cast.of("\"Mood\"", "text", CastMethod.INOUT, CastContext.EXPLICIT));
        assertThat(schema.casts().get("ride_type AS character varying").dependencies())
            .containsExactly(ObjectId.enumType("ride_type"));
        assertThat(schema.unmanaged()).extracting(UnmanagedObject::toString)
            .containsExactlyInAnyOrder("cast (\"Mood\" AS integer)", "function mood_length(\"Mood\")");
        assertThat(this.catalog.inspect("other_casts").casts()).containsOnlyKeys("ride_type AS character varying",
                "character varying AS ride_type");
        this.catalog.drop("casts");
        this.catalog.drop("other_casts");
    }

    @Test
    void readsStandAloneSequencesWithAllParametersAndOwners() {
        assertThat(this.rideLog.sequences()).containsOnlyKeys("rider_seq", "ride_serial_no_seq");
        assertThat(this.rideLog.sequences().get("rider_seq")).isEqualTo(new Sequence("rider_seq",
                new SequenceOptions("bigint", 1, 50, 1, Long.MAX_VALUE, 1, false), null));
        Sequence serial = this.rideLog.sequences().get("ride_serial_no_seq");
        assertThat(serial.options().dataType()).isEqualTo("integer");
        assertThat(serial.options().maxValue()).isEqualTo(Integer.MAX_VALUE);
        assertThat(serial.ownedBy()).isEqualTo(new Sequence.ColumnRef("ride", "serial_no"));
    }

    @Test
    void readsColumnsWithTypesDefaultsIdentityGenerationCollationAndComments() {
        Table ride = this.rideLog.tables().get("ride");
        assertThat(ride.columns().keySet()).containsExactly("id", "rider_id", "type", "moods", "distance",
                "distance_miles", "started_at", "track", "data", "tags", "serial_no");
        assertThat(ride.column("id")).isEqualTo(Column.of("ride", "id", "bigint")
            .withNotNull(true)
            .withIdentity(new Identity(Identity.Generation.ALWAYS,
                    new SequenceOptions("bigint", 10, 5, 1, Long.MAX_VALUE, 20, false))));
        assertThat(ride.column("type")).isEqualTo(
                Column.of("ride", "type", "ride_type").withNotNull(true).withDefault("'ROAD'::ride_type"));
        assertThat(ride.column("moods").type()).isEqualTo("\"Mood\"[]");
        assertThat(ride.column("distance")).isEqualTo(
                Column.of("ride", "distance", "numeric(10,2)").withComment("kilometres"));
        assertThat(ride.column("distance_miles").generated())
            .isEqualTo(new GeneratedColumn("(distance / 1.609)", GeneratedColumn.Kind.STORED));
        assertThat(ride.column("distance_miles").defaultExpression()).isNull();
        assertThat(ride.column("started_at").type()).isEqualTo("timestamp with time zone");
        assertThat(ride.column("data").type()).isEqualTo("jsonb");
        assertThat(ride.column("tags")).isEqualTo(Column.of("ride", "tags", "text[]").withDefault("'{}'::text[]"));
        assertThat(ride.column("serial_no").defaultExpression()).isEqualTo("nextval('ride_serial_no_seq'::regclass)");
        assertThat(ride.comment()).isEqualTo("One ride, with 'quotes'");
        Table rider = this.rideLog.tables().get("rider");
        assertThat(rider.column("name").type()).isEqualTo("character varying(255)");
        assertThat(rider.column("email").collation()).isEqualTo("\"C\"");
        assertThat(rider.column("created_at")).isEqualTo(Column.of("rider", "created_at", "timestamp(6) with time zone")
            .withNotNull(true)
            .withDefault("now()"));
    }

    @Test
    void readsKeysAndConstraints() {
        Table ride = this.rideLog.tables().get("ride");
        assertThat(ride.primaryKey()).isEqualTo(PrimaryKey.of("ride", "ride_pkey", "id"));
        assertThat(ride.foreignKeys()).containsOnlyKeys("ride_rider_fk");
        assertThat(ride.foreignKeys().get("ride_rider_fk")).isEqualTo(new ForeignKey("ride", "ride_rider_fk",
                List.of("rider_id"), null, "rider", List.of("id"), ReferentialAction.RESTRICT,
                ReferentialAction.CASCADE, MatchType.SIMPLE, Deferrability.DEFERRABLE_INITIALLY_DEFERRED));
        assertThat(ride.checkConstraints()).containsOnlyKeys("ride_distance_check");
        CheckConstraint check = ride.checkConstraints().get("ride_distance_check");
        assertThat(check.expression()).isEqualTo("(distance >= (0)::numeric)");
        assertThat(check.columns()).containsExactly("distance");
        Table rider = this.rideLog.tables().get("rider");
        assertThat(rider.uniqueConstraints().get("rider_email_key"))
            .isEqualTo(new UniqueConstraint("rider", "rider_email_key", List.of("email"), true,
                    Deferrability.NOT_DEFERRABLE));
        assertThat(this.rideLog.tables().get("Order").primaryKey().columns()).containsExactly("select");
    }

    @Test
    void readsIndexesThatBackNoConstraint() {
        Table ride = this.rideLog.tables().get("ride");
        assertThat(ride.indexes()).containsOnlyKeys("ride_started_idx", "ride_lower_idx", "ride_data_idx");
        Index started = ride.indexes().get("ride_started_idx");
        assertThat(started.keys()).containsExactly("started_at DESC NULLS LAST");
        assertThat(started.include()).containsExactly("distance");
        assertThat(started.predicate()).isEqualTo("(distance > (0)::numeric)");
        assertThat(started.columns()).containsExactly("distance", "started_at");
        Index lower = ride.indexes().get("ride_lower_idx");
        assertThat(lower.keys()).containsExactly("lower((data ->> 'name'::text))", "rider_id");
        assertThat(lower.columns()).containsExactly("data", "rider_id");
        assertThat(ride.indexes().get("ride_data_idx").method()).isEqualTo("gin");
        Index order = this.rideLog.tables().get("Order").indexes().get("Order_idx");
        assertThat(order.unique()).isTrue();
        assertThat(order.keys()).containsExactly("\"Mixed Case\" text_pattern_ops", "\"quote\"\"d\" COLLATE \"C\"");
        assertThat(this.rideLog.tables().get("rider").indexes()).isEmpty();
    }

    @Test
    void listsWhatItDoesNotModelAsUnmanagedWithTheColumnsItUses() {
        assertThat(this.rideLog.unmanaged()).containsExactly(UnmanagedObject.of("view", "long_rides",
                java.util.Set.of(ObjectId.column("ride", "id"), ObjectId.column("ride", "distance"))));
    }

    @Test
    void dependsNotOnTheSchemaName() throws SQLException {
        Schema elsewhere = this.catalog.build("Another \"Schema\"", RIDE_LOG);
        assertThat(elsewhere).isEqualTo(this.rideLog);
        assertThat(elsewhere.toString()).isEqualTo(this.rideLog.toString());
    }

    @Test
    void readsAForeignKeyToAnotherSchemaWithThatSchemasName() throws SQLException {
        this.catalog.create("Shared", "CREATE TABLE country (code char(2), iso integer, PRIMARY KEY (iso, code))");
        Schema schema = this.catalog.build("local", "CREATE TABLE city (country_code char(2), country_iso integer, "
                + "FOREIGN KEY (country_iso, country_code) REFERENCES \"Shared\".country (iso, code))");
        ForeignKey foreignKey = schema.tables().get("city").foreignKeys().values().iterator().next();
        assertThat(foreignKey.targetSchema()).isEqualTo("Shared");
        assertThat(foreignKey.targetTable()).isEqualTo("country");
        assertThat(foreignKey.columns()).containsExactly("country_iso", "country_code");
        assertThat(foreignKey.targetColumns()).containsExactly("iso", "code");
        assertThat(schema.dependenciesOf(foreignKey)).containsExactlyInAnyOrder(ObjectId.table("city"),
                ObjectId.column("city", "country_iso"), ObjectId.column("city", "country_code"));
        this.catalog.drop("local");
        this.catalog.drop("Shared");
    }

    @Test
    void readsAMissingSchemaAsEmpty() throws SQLException {
        assertThat(this.catalog.inspect("no_such_schema")).isEqualTo(Schema.empty());
    }

    @Test
    void skipsObjectsOwnedByExtensions() throws SQLException {
        Schema schema = this.catalog.build("with_extension", "CREATE EXTENSION citext SCHEMA with_extension",
                "CREATE TABLE account (email citext PRIMARY KEY)");
        assertThat(schema.tables().get("account").column("email").type()).isEqualTo("citext");
        assertThat(schema.unmanaged()).isEmpty();
        assertThat(schema.enumTypes()).isEmpty();
        this.catalog.create("with_extension");
    }

    @Test
    void runsInTheCallersTransactionAndRestoresItsSearchPath(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE SCHEMA uncommitted");
            statement.execute("CREATE TABLE uncommitted.thing (id integer)");
            statement.execute("SET LOCAL search_path = public");
            Schema schema = new SchemaInspector().inspect(connection, "uncommitted");
            assertThat(schema.tables()).containsOnlyKeys("thing");
            try (ResultSet rows = statement.executeQuery("SELECT current_setting('search_path'), now() = statement_timestamp()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("public");
                assertThat(rows.getBoolean(2)).as("still in the caller's transaction").isFalse();
            }
            connection.rollback();
        }
    }

    @Test
    void leavesAnAutocommitConnectionAsItFoundIt(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = pg_catalog");
            new SchemaInspector().inspect(connection, "ride_log");
            assertThat(connection.getAutoCommit()).isTrue();
            try (ResultSet rows = statement.executeQuery("SELECT current_setting('search_path'), "
                    + "current_setting('transaction_read_only')")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("pg_catalog");
                assertThat(rows.getString(2)).isEqualTo("off");
            }
        }
    }

    @Test
    void printsAListingAPersonCanRead() {
        String listing = this.rideLog.toString();
        assertThat(listing).startsWith("Schema")
            .contains("\n  enum \"Mood\" ('happy', 'it''s raining')")
            .contains("\n  table ride -- 'One ride, with ''quotes'''")
            .contains("\n    distance numeric(10,2) -- 'kilometres'")
            .contains("\n    CONSTRAINT ride_rider_fk FOREIGN KEY (rider_id) REFERENCES rider (id)")
            .contains("\n  cast (ride_type AS character varying) WITH INOUT AS IMPLICIT")
            .contains("\n  unmanaged view long_rides (uses column ride.distance, column ride.id)");
    }

}
