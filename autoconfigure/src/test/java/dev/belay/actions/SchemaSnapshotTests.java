package dev.belay.actions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.belay.actions.SchemaSnapshot.ObjectDifference;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.EnumType;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaSnapshotTests {

    @Test
    void equalSchemasHaveEqualFingerprintsWhateverTheirColumnOrder() {
        Schema one = Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "id", "bigint"),
                Column.of("ride", "title", "text"))));
        Schema other = Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "title", "text"),
                Column.of("ride", "id", "bigint"))));

        assertThat(SchemaSnapshot.of(one).fingerprint()).isEqualTo(SchemaSnapshot.of(other).fingerprint())
            .startsWith("belay-schema-1:");
    }

    @Test
    void aChangedColumnIsNamedWithItsSqlBeforeAndAfter() {
        SchemaSnapshot before = SchemaSnapshot.of(rides("numeric(8,2)"));
        SchemaSnapshot after = SchemaSnapshot.of(rides("numeric(10,2)"));

        assertThat(before.fingerprint()).isNotEqualTo(after.fingerprint());
        assertThat(before.differencesTo(after)).containsExactly(new ObjectDifference("column ride.distance",
                "ALTER TABLE ride ADD COLUMN distance numeric(8,2)", "ALTER TABLE ride ADD COLUMN distance numeric(10,2)"));
        assertThat(before.differencesTo(after).get(0).describe()).isEqualTo("column ride.distance changed from: "
                + "ALTER TABLE ride ADD COLUMN distance numeric(8,2) to: ALTER TABLE ride ADD COLUMN distance "
                + "numeric(10,2)");
    }

    @Test
    void aSnapshotKeptCompressedReadsBackEqualWithOddNamesAndComments() {
        Column odd = new Column("Ride\tLog", "a\"b\\c", "text", true, "'x\ny'::text", null, null, null,
                "two\nlines\tand a tab");
        Schema schema = new Schema(new TreeMap<>(Map.of("kind", new EnumType("kind", List.of("ROAD", "it's")))),
                new TreeMap<>(), new TreeMap<>(Map.of("Ride\tLog", Table.of("Ride\tLog", odd)
                    .withCheckConstraints(Map.of("c", new CheckConstraint("Ride\tLog", "c",
                            "(\"a\"\"b\\c\" <> ''::text)", List.of("a\"b\\c")))))),
                List.of());
        SchemaSnapshot snapshot = SchemaSnapshot.of(schema);

        SchemaSnapshot read = SchemaSnapshot.decompress(snapshot.compressed());

        assertThat(read).isEqualTo(snapshot);
        assertThat(read.fingerprint()).isEqualTo(snapshot.fingerprint());
        assertThat(read.lines()).hasSize(4);
    }

    @Test
    void theFingerprintIsTheHashOfTheTextWithNamesAndSqlEscapedLineByLine() throws Exception {
        Column odd = new Column("Ride\tLog", "a\\b", "text", true, "'x\ny'::text", null, null, null, null);
        SchemaSnapshot snapshot = SchemaSnapshot.of(Schema.of(List.of(), List.of(),
                List.of(Table.of("Ride\tLog", odd))));

        assertThat(snapshot.text()).isEqualTo("belay-schema-1\n"
                + "column \"Ride\\tLog\".\"a\\\\b\"\tALTER TABLE \"Ride\\tLog\" ADD COLUMN \"a\\\\b\" text DEFAULT "
                + "'x\\ny'::text NOT NULL\n"
                + "table \"Ride\\tLog\"\tCREATE TABLE \"Ride\\tLog\" ()\n");
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
            .digest(snapshot.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(snapshot.fingerprint()).isEqualTo("belay-schema-1:" + java.util.HexFormat.of().formatHex(hash));
    }

    @Test
    void anEffectHoldsOnlyWhatChangedSoEqualChangesToDifferentSchemasHaveEqualEffects() {
        Schema base = rides("numeric(8,2)");
        Schema withTag = Schema.of(List.of(), List.of(), List.of(base.tables().get("ride"),
                Table.of("tag", Column.of("tag", "name", "text"))));
        Schema changedBase = rides("numeric(10,2)");
        Schema changedWithTag = Schema.of(List.of(), List.of(), List.of(changedBase.tables().get("ride"),
                Table.of("tag", Column.of("tag", "name", "text"))));

        SchemaSnapshot effect = SchemaSnapshot.of(base).effectTo(SchemaSnapshot.of(changedBase));

        assertThat(SchemaSnapshot.of(withTag).effectTo(SchemaSnapshot.of(changedWithTag))).isEqualTo(effect);
        assertThat(effect.lines()).containsOnlyKeys("-column ride.distance", "+column ride.distance");
        assertThat(SchemaSnapshot.of(base).effectTo(SchemaSnapshot.of(base)).isEmpty()).isTrue();
    }

    private static Schema rides(String distanceType) {
        return Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "id", "bigint"),
                Column.of("ride", "distance", distanceType))));
    }

}
