package dev.belay.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import dev.belay.sample.rides.GpxStorage;
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

/**
 * The ride log as it starts with no set-up: on an embedded PostgreSQL of its own (a new data
 * directory under {@code target/}), migrated at startup, serving its API and Belay's endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RideLogApplicationTests {

    private static final Path DIRECTORY = newDirectory();

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("ridelog.database.directory", () -> DIRECTORY.resolve("db").toString());
        registry.add("ridelog.data-directory", () -> DIRECTORY.resolve("data").toString());
    }

    @LocalServerPort
    private int port;

    @Autowired
    private GpxStorage storage;

    @Autowired
    private DataSource dataSource;

    private ApiClient api;

    @BeforeEach
    void client() {
        this.api = new ApiClient(this.port);
    }

    @Test
    void migratesItsEmptyDatabaseOnStartupThroughEveryRevision() {
        ApiClient.Response response = this.api.get("/actuator/belay");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode runner = response.json().path("contexts").path("ridelog").path("runners").path("belayMigrationRunner");
        assertThat(runner.path("upToDate").asBoolean()).as(response.toString()).isTrue();
        assertThat(values(runner.path("revisions"), "id")).containsExactly("20261121_195328_riders_rides_and_tags",
                "20261121_195408_commute_rides_and_elevation_gain", "20261121_195517_gpx_tracks_to_files",
                "20261202_092229_casts_of_the_ride_type");
        assertThat(values(runner.path("revisions"), "state")).containsOnly("APPLIED");
    }

    @Test
    void theDatabaseIsWhatTheRevisionsBuiltAndTheMappingWhatTheyWereWrittenFor() {
        ApiClient.Response drift = this.api.get("/actuator/belay/drift");

        assertThat(drift.status()).as(drift.toString()).isEqualTo(200);
        assertThat(drift.json().path("matches").asBoolean()).as(drift.toString()).isTrue();
        assertThat(drift.json().path("database").path("state").asString()).as(drift.toString()).isEqualTo("MATCHES");
        assertThat(drift.json().path("mapping").path("state").asString()).as(drift.toString()).isEqualTo("MATCHES");
        assertThat(drift.json().path("mapping").path("revision").asString())
            .isEqualTo("20261202_092229_casts_of_the_ride_type");
    }

    @Test
    void takesARideTypeGivenAsVarcharThroughTheCastHibernateCreatesForTheEnum() {
        JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
        Long rider = jdbc.queryForObject("INSERT INTO rider (name, joined_at) VALUES ('Bea', now()) RETURNING id",
                Long.class);
        // A String parameter goes as varchar: the enum column takes it through the implicit cast.
        jdbc.update("INSERT INTO ride (rider_id, title, type, started_at, distance_km) VALUES (?, ?, ?, now(), 1)",
                rider, "By varchar", "GRAVEL");
        assertThat(jdbc.queryForObject("SELECT type FROM ride WHERE rider_id = ?", String.class, rider))
            .isEqualTo("GRAVEL");
    }

    @Test
    void addsRidersAndRidesOfTheTypeARevisionAddedWithTags() {
        long rider = this.api.post("/riders", "{\"name\": \"Anna\"}").json().path("id").asLong();

        ApiClient.Response added = this.api.post("/rides", """
                {"riderId": %d, "title": "To work", "type": "COMMUTE", "startedAt": "2026-11-20T07:30:00Z",
                 "distanceKm": 12.4, "elevationGain": 80, "tags": ["rain", "commute"]}""".formatted(rider));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode ride = this.api.get("/rides/" + added.json().path("id").asLong()).json();
        assertThat(ride.path("rider").asString()).isEqualTo("Anna");
        assertThat(ride.path("type").asString()).isEqualTo("COMMUTE");
        assertThat(ride.path("distanceKm").decimalValue()).isEqualByComparingTo("12.4");
        assertThat(ride.path("elevationGain").asInt()).isEqualTo(80);
        assertThat(ride.path("tags").valueStream().map(JsonNode::asString)).containsExactly("commute", "rain");
        assertThat(ride.path("track").asBoolean()).isFalse();
        assertThat(this.api.get("/rides").json().valueStream().map((each) -> each.path("id").asLong()))
            .contains(ride.path("id").asLong());
    }

    @Test
    void keepsATrackInAFileOfTheDataDirectory() throws IOException {
        long ride = newRide();
        byte[] gpx = "<gpx version=\"1.1\"><trk><name>Col du Galibier</name></trk></gpx>"
            .getBytes(StandardCharsets.UTF_8);

        assertThat(this.api.put("/rides/" + ride + "/track", gpx, "application/gpx+xml").status()).isEqualTo(204);

        ApiClient.Response track = this.api.get("/rides/" + ride + "/track");
        assertThat(track.status()).isEqualTo(200);
        assertThat(track.contentType()).isEqualTo("application/gpx+xml");
        assertThat(track.body()).isEqualTo(gpx);
        assertThat(Files.readAllBytes(this.storage.directory().resolve(ride + ".gpx"))).isEqualTo(gpx);
        assertThat(this.storage.directory()).startsWith(DIRECTORY.resolve("data").toAbsolutePath());
        assertThat(this.api.get("/rides/" + ride).json().path("track").asBoolean()).isTrue();

        assertThat(this.api.delete("/rides/" + ride + "/track").status()).isEqualTo(204);
        assertThat(this.api.get("/rides/" + ride + "/track").status()).isEqualTo(404);
        assertThat(this.storage.contains(ride)).isFalse();
    }

    @Test
    void refusesARideWithoutATitleOrOfAnUnknownRiderAndSaysWhy() {
        ApiClient.Response untitled = this.api.post("/rides", """
                {"riderId": 1, "type": "ROAD", "startedAt": "2026-11-20T07:30:00Z", "distanceKm": 3}""");
        ApiClient.Response unknownRider = this.api.post("/rides", """
                {"riderId": 987654, "title": "Ghost", "type": "ROAD", "startedAt": "2026-11-20T07:30:00Z",
                 "distanceKm": 3}""");

        assertThat(untitled.status()).as(untitled.toString()).isEqualTo(400);
        assertThat(untitled.text()).contains("title");
        assertThat(unknownRider.status()).as(unknownRider.toString()).isEqualTo(400);
        assertThat(unknownRider.text()).contains("There is no rider 987654");
        assertThat(this.api.get("/rides/987654/track").status()).isEqualTo(404);
    }

    private long newRide() {
        long rider = this.api.post("/riders", "{\"name\": \"Bo\"}").json().path("id").asLong();
        return this.api.post("/rides", """
                {"riderId": %d, "title": "Galibier", "type": "ROAD", "startedAt": "2026-07-14T06:00:00Z",
                 "distanceKm": 120}""".formatted(rider)).json().path("id").asLong();
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map((node) -> node.path(field).asString()).toList();
    }

    private static Path newDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-ridelog"));
            return Files.createTempDirectory(target, RideLogApplicationTests.class.getSimpleName() + "-");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
