package dev.belay.diff;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.actions.SqlStatement;
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
     * The same plans as the chains of revisions they are written as (see {@link SegmentedPlan}):
     * for a plan of several segments, its starting schema is built from nothing in a schema of
     * the server, the segments run there one after the other, and the schema is read back between
     * them. Plans for a newer PostgreSQL than the server's are left out when they have several
     * segments, since the server cannot run them.
     */
    public static List<NamedChain> chains(TestDatabase database, boolean onlineSafe, int planVersion)
            throws SQLException {
        DiffDatabase diffDatabase = new DiffDatabase(database);
        List<NamedChain> chains = new ArrayList<>();
        for (NamedPlan named : plans(database, onlineSafe, planVersion)) {
            MigrationPlan plan = named.plan();
            if (plan.segments().size() <= 1) {
                chains.add(new NamedChain(named.name(), SegmentedPlan.of(plan)));
            }
            else if (diffDatabase.majorVersion() >= planVersion) {
                diffDatabase.build("corpus_steps");
                diffDatabase.apply("corpus_steps", SchemaDiff.between(Schema.empty(), plan.current(),
                        DiffOptions.defaults().withServerVersion(planVersion)));
                List<Schema> boundaries = new ArrayList<>();
                boundaries.add(diffDatabase.inspect("corpus_steps"));
                for (PlanSegment segment : plan.segments()) {
                    RecordingStatementSink sink = new RecordingStatementSink();
                    DatabaseActions actions = new DatabaseActions(sink);
                    segment.changes().forEach((change) -> change.applyTo(actions));
                    diffDatabase.execute("corpus_steps",
                            sink.statements().stream().map(SqlStatement::sql).toArray(String[]::new));
                    boundaries.add(diffDatabase.inspect("corpus_steps"));
                }
                chains.add(new NamedChain(named.name(), SegmentedPlan.of(plan, boundaries)));
            }
        }
        diffDatabase.drop("corpus_steps");
        return chains;
    }

    /**
     * One pair's plan as a chain of revisions.
     *
     * @param name what the pair is about
     * @param chain the plan from A to B, with the way back of each segment
     */
    public record NamedChain(String name, SegmentedPlan chain) {

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
