package dev.belay.diff;

import java.sql.SQLException;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import dev.belay.diff.RandomMutation.Kind;
import dev.belay.test.TestDatabase;

/**
 * Random schemas and random changes to them, there and back on a real database: a schema is
 * built from a list of {@link RandomMutation}s applied to an empty one, then changed by a few
 * more; tables and columns that keep their id under another name are renamed with hints. When
 * a round trip fails, jqwik shrinks both lists to a minimal pair.
 */
class DiffProperties {

    private static TestDatabase database;

    @BeforeContainer
    static void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterContainer
    static void dropDatabase() {
        database.close();
    }

    @Property(tries = 250)
    void randomSchemasAndChangesRoundTrip(@ForAll("construction") List<RandomMutation> construction,
            @ForAll("changes") List<RandomMutation> changes, @ForAll boolean onlineSafe) throws SQLException {
        RandomSchema from = apply(new RandomSchema(List.of(), List.of(), List.of()), construction);
        RandomSchema to = apply(from, changes);
        DiffDatabase diffDatabase = new DiffDatabase(database);
        SchemaPair pair = SchemaPair.named("random")
            .from(from.ddl().toArray(String[]::new))
            .to(to.ddl().toArray(String[]::new))
            .hints((options) -> from.hintsTo(to, options));
        new RoundTrip(diffDatabase).check(pair,
                DiffOptions.defaults().withServerVersion(diffDatabase.majorVersion()).withOnlineSafe(onlineSafe), false);
    }

    private static RandomSchema apply(RandomSchema schema, List<RandomMutation> mutations) {
        RandomSchema result = schema;
        for (RandomMutation mutation : mutations) {
            result = mutation.applyTo(result);
        }
        return result;
    }

    /** Mostly additions, to build a schema worth changing. */
    @Provide
    Arbitrary<List<RandomMutation>> construction() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Kind.ADD_TABLE)),
                Tuple.of(4, Arbitraries.just(Kind.ADD_COLUMN)), Tuple.of(1, Arbitraries.just(Kind.ADD_ENUM)),
                Tuple.of(1, Arbitraries.just(Kind.ADD_LABEL)), Tuple.of(1, Arbitraries.just(Kind.CHANGE_KEY)),
                Tuple.of(1, Arbitraries.just(Kind.ADD_INDEX)), Tuple.of(1, Arbitraries.just(Kind.ADD_UNIQUE)),
                Tuple.of(1, Arbitraries.just(Kind.ADD_CHECK)), Tuple.of(1, Arbitraries.just(Kind.ADD_FOREIGN_KEY)),
                Tuple.of(1, Arbitraries.just(Kind.ADD_SEQUENCE)), Tuple.of(1, Arbitraries.just(Kind.TOGGLE_GENERATED)),
                Tuple.of(1, Arbitraries.of(Kind.class)));
        return mutations(kinds).list().ofMinSize(1).ofMaxSize(16);
    }

    /** Any edit, a few at a time. */
    @Provide
    Arbitrary<List<RandomMutation>> changes() {
        return mutations(Arbitraries.of(Kind.class)).list().ofMinSize(1).ofMaxSize(5);
    }

    private static Arbitrary<RandomMutation> mutations(Arbitrary<Kind> kinds) {
        Arbitrary<Integer> numbers = Arbitraries.integers().between(0, 1000);
        return Combinators.combine(kinds, numbers, numbers, numbers).as(RandomMutation::new);
    }

}
