package dev.belay.diff;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.belay.schema.Schema;
import dev.belay.test.TestDatabase;

/**
 * The plans of the {@link RoundTripCorpus}, for tests outside this package: the revision
 * generator renders every one of them, so every kind of change is written as Java at least once.
 */
public final class CorpusPlans {

    private CorpusPlans() {
    }

    /**
     * Every pair the server can build, planned from A to B with the given mode, for the given
     * PostgreSQL major (the plans are only data: they need not run on the server).
     * @param onlineSafe whether to plan online-safe
     * @param planVersion the major version to plan for
     */
    public static List<NamedPlan> plans(TestDatabase database, boolean onlineSafe, int planVersion)
            throws SQLException {
        DiffDatabase diffDatabase = new DiffDatabase(database);
        int version = diffDatabase.majorVersion();
        DiffOptions base = DiffOptions.defaults().withServerVersion(planVersion).withOnlineSafe(onlineSafe);
        List<NamedPlan> plans = new ArrayList<>();
        for (SchemaPair pair : RoundTripCorpus.pairs()) {
            if (version < pair.minimumVersion()) {
                continue;
            }
            Schema from = diffDatabase.build("corpus_from", pair.fromDdl());
            Schema to = diffDatabase.build("corpus_to", pair.toDdl());
            plans.add(new NamedPlan(pair.name(), SchemaDiff.between(from, to, pair.options(base))));
        }
        diffDatabase.drop("corpus_from");
        diffDatabase.drop("corpus_to");
        return plans;
    }

    /**
     * One pair's plan.
     *
     * @param name what the pair is about
     * @param plan the plan from A to B
     */
    public record NamedPlan(String name, MigrationPlan plan) {

    }

}
