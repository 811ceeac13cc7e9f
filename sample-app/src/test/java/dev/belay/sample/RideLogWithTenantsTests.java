package dev.belay.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import dev.belay.runner.MigrationRunner;
import dev.belay.tenant.BelayTenants;
import dev.belay.tenant.Tenant;
import dev.belay.tenant.TenantStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The ride log with {@code belay.tenants.schemas=acme,globex}: Belay migrates a schema per tenant
 * at startup, and Hibernate's schema multi-tenancy serves each request from the schema its
 * {@code X-Tenant} header names. Ride ids repeat from one tenant to the next, so each tenant's GPX
 * tracks are files in a directory of their own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "belay.tenants.schemas=acme,globex")
class RideLogWithTenantsTests {

    private static final List<String> REVISIONS = List.of("20261121_195328_riders_rides_and_tags",
            "20261121_195408_commute_rides_and_elevation_gain", "20261121_195517_gpx_tracks_to_files",
            "20261202_092229_casts_of_the_ride_type");

    private static final String BEFORE_THE_TRACKS_MOVED = "20261121_195408_commute_rides_and_elevation_gain";

    private static final Path DIRECTORY = newDirectory();

    private static final Path TRACKS = DIRECTORY.resolve("data").resolve("tracks");

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("ridelog.database.directory", () -> DIRECTORY.resolve("db").toString());
        registry.add("ridelog.data-directory", () -> DIRECTORY.resolve("data").toString());
    }

    @LocalServerPort
    private int port;

    @Autowired
    private BelayTenants tenants;

    @Autowired
    private DataSource dataSource;

    private JdbcTemplate jdbc;

    private ApiClient api;

    @BeforeEach
    void client() {
        this.api = new ApiClient(this.port);
        this.jdbc = new JdbcTemplate(this.dataSource);
    }

    @Test
    void migratesEachTenantsSchemaWithAHistoryOfItsOwnAndLeavesTheDefaultSchemaEmpty() {
        assertThat(this.tenants.status().tenants()).filteredOn((tenant) -> !tenant.tenant().equals("newco"))
            .extracting(TenantStatus::tenant, TenantStatus::standing)
            .containsExactly(tuple("acme", TenantStatus.Standing.AT_HEAD),
                    tuple("globex", TenantStatus.Standing.AT_HEAD));
        for (String schema : List.of("acme", "globex")) {
            assertThat(this.jdbc.queryForList("SELECT id FROM " + schema + ".belay_history WHERE state = 'applied' "
                    + "ORDER BY applied_rank", String.class)).as(schema).isEqualTo(REVISIONS);
            assertThat(tables(schema)).as(schema).contains("belay_history", "rider", "ride", "tag", "ride_tag");
        }
        String defaultSchema = this.jdbc.queryForObject("SELECT current_schema()", String.class);
        assertThat(tables(defaultSchema)).as(defaultSchema).doesNotContain("belay_history", "rider", "ride", "tag",
                "ride_tag");
    }

    @Test
    void aRideAddedForOneTenantIsInItsSchemaAndNoOtherTenantSeesIt() {
        ApiClient acme = this.api.with("X-Tenant", "acme");
        long ride = addRide(acme, "Acme's ride to work");

        assertThat(acme.get("/rides/" + ride).json().path("title").asString()).isEqualTo("Acme's ride to work");
        assertThat(titles(acme)).contains("Acme's ride to work");
        assertThat(titles(this.api.with("X-Tenant", "globex"))).doesNotContain("Acme's ride to work");
        assertThat(ridesTitled("acme", "Acme's ride to work")).isOne();
        assertThat(ridesTitled("globex", "Acme's ride to work")).isZero();
    }

    @Test
    void aRequestThatNamesNoTenantIsTheFirstTenants() {
        addRide(this.api, "Nobody's tenant");

        assertThat(ridesTitled("acme", "Nobody's tenant")).isOne();
        assertThat(ridesTitled("globex", "Nobody's tenant")).isZero();
    }

    @Test
    void anUnknownTenantIsNotFoundAndTheAnswerNamesTheTenants() {
        ApiClient.Response response = this.api.with("X-Tenant", "initech").get("/rides");

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.text()).contains("There is no tenant 'initech'", "acme, globex");
    }

    @Test
    void aTenantThatSignsUpIsServedAtOnce() {
        ApiClient.Response signUp = this.api.post("/tenants/newco", "");
        ApiClient newco = this.api.with("X-Tenant", "newco");
        long ride = addRide(newco, "Newco's first ride");

        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        assertThat(signUp.json().path("applied").valueStream().map(JsonNode::asString)).isEqualTo(REVISIONS);
        assertThat(newco.get("/rides/" + ride).json().path("title").asString()).isEqualTo("Newco's first ride");
        assertThat(ridesTitled("newco", "Newco's first ride")).isOne();
        assertThat(titles(this.api.with("X-Tenant", "acme"))).doesNotContain("Newco's first ride");
        assertThat(this.tenants.status().tenants()).extracting(TenantStatus::tenant).contains("newco");
    }

    @Test
    void eachTenantKeepsTheTrackOfItsOwnRideOfTheSameIdInADirectoryOfItsOwn() {
        long ride = 900_001;
        insertRide("acme", ride);
        insertRide("globex", ride);
        ApiClient acme = this.api.with("X-Tenant", "acme");
        ApiClient globex = this.api.with("X-Tenant", "globex");

        assertThat(acme.put("/rides/" + ride + "/track", gpx("Acme's climb"), "application/gpx+xml").status())
            .isEqualTo(204);
        assertThat(globex.put("/rides/" + ride + "/track", gpx("Globex's descent"), "application/gpx+xml").status())
            .isEqualTo(204);

        assertThat(acme.get("/rides/" + ride + "/track").body()).isEqualTo(gpx("Acme's climb"));
        assertThat(globex.get("/rides/" + ride + "/track").body()).isEqualTo(gpx("Globex's descent"));
        assertThat(TRACKS.resolve("acme").resolve(ride + ".gpx")).hasBinaryContent(gpx("Acme's climb"));
        assertThat(TRACKS.resolve("globex").resolve(ride + ".gpx")).hasBinaryContent(gpx("Globex's descent"));
        assertThat(TRACKS.resolve(ride + ".gpx")).doesNotExist();

        assertThat(globex.delete("/rides/" + ride + "/track").status()).isEqualTo(204);
        assertThat(globex.get("/rides/" + ride).json().path("track").asBoolean()).isFalse();
        assertThat(acme.get("/rides/" + ride).json().path("track").asBoolean()).isTrue();
    }

    @Test
    void theRevisionThatMovesTracksToFilesTouchesOnlyTheFilesOfTheTenantItRunsFor() {
        long ride = 900_002;
        insertRide("acme", ride);
        ApiClient acme = this.api.with("X-Tenant", "acme");
        assertThat(acme.put("/rides/" + ride + "/track", gpx("Acme's track"), "application/gpx+xml").status())
            .isEqualTo(204);
        // A tenant still before the move, with a ride of the same id and no track (whose file the
        // move removes as a stale copy) and a ride with its track in the column.
        MigrationRunner umbrella = this.tenants.runner(Tenant.schema("umbrella"));
        umbrella.apply(BEFORE_THE_TRACKS_MOVED);
        insertRide("umbrella", ride);
        insertRide("umbrella", ride + 1);
        this.jdbc.update("UPDATE umbrella.ride SET gpx = ? WHERE id = ?", gpx("Umbrella's track"), ride + 1);

        umbrella.apply();

        assertThat(TRACKS.resolve("acme").resolve(ride + ".gpx")).as("acme's track of the same ride id")
            .hasBinaryContent(gpx("Acme's track"));
        assertThat(TRACKS.resolve("umbrella").resolve(ride + ".gpx")).doesNotExist();
        assertThat(TRACKS.resolve("umbrella").resolve((ride + 1) + ".gpx")).hasBinaryContent(gpx("Umbrella's track"));

        umbrella.rollbackTo(BEFORE_THE_TRACKS_MOVED);

        assertThat(columnTrack("umbrella", ride)).as("no other tenant's track comes back").isNull();
        assertThat(columnTrack("umbrella", ride + 1)).isEqualTo(gpx("Umbrella's track"));
        assertThat(acme.get("/rides/" + ride + "/track").body()).isEqualTo(gpx("Acme's track"));
    }

    private long addRide(ApiClient api, String title) {
        ApiClient.Response rider = api.post("/riders", "{\"name\": \"Anna\"}");
        assertThat(rider.status()).as(rider.toString()).isEqualTo(201);
        ApiClient.Response ride = api.post("/rides", """
                {"riderId": %d, "title": "%s", "type": "COMMUTE", "startedAt": "2026-11-20T07:30:00Z",
                 "distanceKm": 12.4, "tags": ["rain"]}""".formatted(rider.json().path("id").asLong(), title));
        assertThat(ride.status()).as(ride.toString()).isEqualTo(201);
        return ride.json().path("id").asLong();
    }

    private static List<String> titles(ApiClient api) {
        ApiClient.Response rides = api.get("/rides");
        assertThat(rides.status()).as(rides.toString()).isEqualTo(200);
        return rides.json().valueStream().map((ride) -> ride.path("title").asString()).toList();
    }

    private int ridesTitled(String schema, String title) {
        return this.jdbc.queryForObject("SELECT count(*) FROM " + schema + ".ride WHERE title = ?", Integer.class,
                title);
    }

    private List<String> tables(String schema) {
        return this.jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                String.class, schema);
    }

    /** A ride of the tenant's with the id given, as ids repeat from one tenant's schema to the next. */
    private void insertRide(String schema, long id) {
        Long rider = this.jdbc.queryForObject("INSERT INTO " + schema + ".rider (name, joined_at) "
                + "VALUES ('Anna', now()) RETURNING id", Long.class);
        this.jdbc.update("INSERT INTO " + schema + ".ride (id, rider_id, title, type, started_at, distance_km) "
                + "VALUES (?, ?, 'A ride', 'ROAD', now(), 42.5)", id, rider);
    }

    private byte[] columnTrack(String schema, long ride) {
        return this.jdbc.queryForObject("SELECT gpx FROM " + schema + ".ride WHERE id = ?", byte[].class, ride);
    }

    private static byte[] gpx(String name) {
        return ("<gpx version=\"1.1\"><trk><name>" + name + "</name></trk></gpx>").getBytes(StandardCharsets.UTF_8);
    }

    private static Path newDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-ridelog"));
            return Files.createTempDirectory(target, RideLogWithTenantsTests.class.getSimpleName() + "-");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
