package dev.belay.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.belay.test.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.metrics.StartupStep;

/**
 * Belay beside Flyway and Liquibase on the same chain of migrations (issue 4's figures):
 * <ul>
 * <li>a start with everything already applied: the tool's migrate call, the tool's own steps
 * in a Spring Boot start (from the start-up timeline), and the whole Spring Boot start;</li>
 * <li>applying every migration to an empty database.</li>
 * </ul>
 * Arguments: the number of migrations (500) and of measured rounds (7). Each figure is the
 * median of the rounds, after two warm-up rounds; the tools take turns within a round.
 */
public final class MigrationBenchmark {

    private static final int WARM_UP = 2;

    private static final List<Peer> TOOLS = List.of(Peer.BELAY, Peer.FLYWAY, Peer.LIQUIBASE);

    /** Held, since java.util.logging keeps its loggers (and their levels) only weakly. */
    private static final java.util.logging.Logger LIQUIBASE_LOGGER = java.util.logging.Logger.getLogger("liquibase");

    private static final List<String> notes = new ArrayList<>();

    private MigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = (args.length > 0) ? Integer.parseInt(args[0]) : 500;
        int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
        // Liquibase would otherwise phone home and print a banner on every update.
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        // Liquibase logs through java.util.logging; its per-change-set lines would cost time.
        System.setProperty("liquibase.logLevel", "WARNING");
        LIQUIBASE_LOGGER.setLevel(java.util.logging.Level.WARNING);
        MigrationFixtures fixtures = MigrationFixtures.create(count);

        Map<Peer, Samples> applyOnEmpty = applyOnEmptyDatabases(fixtures, rounds);
        Map<String, Map<Peer, Samples>> noOp = noOpStarts(fixtures, rounds);

        int postgres;
        try (TestDatabase database = TestDatabase.create()) {
            postgres = database.server().majorVersion();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Migrations: %d small revisions (CREATE TABLE with a primary key each), "
                + "PostgreSQL %d, %s %s, %d cores%n", count, postgres, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Median of %d rounds after %d warm-up rounds, in milliseconds "
                + "(min-max in brackets)%n%n", rounds, WARM_UP);
        System.out.printf(Locale.ROOT, "%-48s %22s %22s %22s %14s %16s%n", "", "Belay", "Flyway", "Liquibase",
                "Flyway/Belay", "Liquibase/Belay");
        System.out.println("No-op start, all " + count + " applied");
        noOp.forEach((title, figures) -> row("  " + title, figures));
        System.out.println("Apply all " + count + " on an empty database");
        row("  migrate call", applyOnEmpty);
        System.out.println();
        System.out.println("migrate call: Belay MigrationRunner.apply() (with building its revision graph), Flyway "
                + "load() + migrate(), Liquibase SpringLiquibase.afterPropertiesSet(), on a warm connection pool.");
        System.out.println("own start-up steps: the tool's beans and post-processors in the Spring Boot start-up "
                + "timeline, i.e. the time spent in the tool from context refresh to ready.");
        System.out.println("whole start: SpringApplication.run() with DataSourceAutoConfiguration and the tool's "
                + "auto-configuration (Belay's includes component-scanning its " + count + " revision classes).");
        notes.forEach(System.out::println);
    }

    private static Map<Peer, Samples> applyOnEmptyDatabases(MigrationFixtures fixtures, int rounds) throws Exception {
        Map<Peer, Samples> figures = stats();
        for (int round = -WARM_UP; round < rounds; round++) {
            for (Peer peer : turn(round)) {
                try (TestDatabase database = TestDatabase.create(); HikariDataSource pool = pool(database)) {
                    long started = System.nanoTime();
                    peer.migrate(pool, fixtures);
                    long took = System.nanoTime() - started;
                    requireTables(pool, fixtures.count);
                    if (round >= 0) {
                        figures.get(peer).add(took);
                    }
                }
            }
            progress("apply on an empty database", round, rounds);
        }
        return figures;
    }

    private static Map<String, Map<Peer, Samples>> noOpStarts(MigrationFixtures fixtures, int rounds) throws Exception {
        Map<String, Map<Peer, Samples>> figures = new LinkedHashMap<>();
        figures.put("migrate call", stats());
        figures.put("own start-up steps in Spring Boot", stats());
        figures.put("whole Spring Boot start", stats());
        figures.put("whole start minus start without a tool", stats());
        Map<Peer, TestDatabase> databases = new EnumMap<>(Peer.class);
        Map<Peer, HikariDataSource> pools = new EnumMap<>(Peer.class);
        try {
            for (Peer peer : Peer.values()) {
                TestDatabase database = TestDatabase.create();
                databases.put(peer, database);
                pools.put(peer, pool(database));
                peer.migrate(pools.get(peer), fixtures);
            }
            Samples plainStarts = new Samples();
            Samples belayDisabledStarts = new Samples();
            Samples belayShare = new Samples();
            for (int round = -WARM_UP; round < rounds; round++) {
                for (Peer peer : turn(round)) {
                    long started = System.nanoTime();
                    peer.migrate(pools.get(peer), fixtures);
                    long took = System.nanoTime() - started;
                    if (round >= 0) {
                        figures.get("migrate call").get(peer).add(took);
                    }
                }
                long plainStart = start(Peer.NONE, databases.get(Peer.NONE), fixtures)[0];
                long belayDisabled = start(Peer.BELAY, databases.get(Peer.BELAY), fixtures, "belay.enabled=false")[0];
                if (round >= 0) {
                    plainStarts.add(plainStart);
                    belayDisabledStarts.add(belayDisabled);
                }
                for (Peer peer : turn(round)) {
                    long[] start = start(peer, databases.get(peer), fixtures);
                    if (round >= 0) {
                        figures.get("whole Spring Boot start").get(peer).add(start[0]);
                        figures.get("own start-up steps in Spring Boot").get(peer).add(start[1]);
                        figures.get("whole start minus start without a tool").get(peer).add(start[0] - plainStart);
                        if (peer == Peer.BELAY) {
                            belayShare.add(start[0] - belayDisabled);
                        }
                    }
                }
                progress("no-op start", round, rounds);
            }
            notes.add(String.format(Locale.ROOT, "Spring Boot start without a tool: %s ms; Belay's application "
                    + "with belay.enabled=false (its %d revision classes still scanned as components): %s ms; so "
                    + "Belay's share of its start (enabled minus disabled): %s ms.", cell(plainStarts), fixtures.count,
                    cell(belayDisabledStarts), cell(belayShare)));
        }
        finally {
            pools.values().forEach(HikariDataSource::close);
            databases.values().forEach(TestDatabase::close);
        }
        return figures;
    }

    /**
     * Starts the tool's Spring Boot application on an up-to-date database.
     * @return the whole start and the tool's own steps in it, in nanoseconds
     */
    private static long[] start(Peer peer, TestDatabase database, MigrationFixtures fixtures, String... extra) {
        SpringApplication application = new SpringApplication(
                new DefaultResourceLoader(fixtures.revisionClassLoader), peer.application);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(startup);
        Map<String, Object> properties = new HashMap<>(peer.properties(fixtures));
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("logging.level.root", "warn");
        for (String property : extra) {
            properties.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
        }
        application.setDefaultProperties(properties);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(fixtures.revisionClassLoader);
        try {
            long started = System.nanoTime();
            ConfigurableApplicationContext context = application.run();
            long took = System.nanoTime() - started;
            context.close();
            return new long[] { took, ownSteps(startup, peer) };
        }
        finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The time of the tool's bean instantiations and bean-factory post-processing, counting a
     * step only when none of its enclosing steps is counted already.
     */
    private static long ownSteps(BufferingApplicationStartup startup, Peer peer) {
        if (peer == Peer.NONE) {
            return 0;
        }
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Long> parents = new HashMap<>();
        Set<Long> own = new HashSet<>();
        for (TimelineEvent event : events) {
            StartupStep step = event.getStartupStep();
            if (step.getParentId() != null) {
                parents.put(step.getId(), step.getParentId());
            }
            for (StartupStep.Tag tag : step.getTags()) {
                boolean bean = tag.getKey().equals("beanName") && tag.getValue().startsWith(peer.beanPrefix);
                boolean postProcessor = tag.getKey().equals("postProcessor")
                        && tag.getValue().startsWith("dev.belay") && peer == Peer.BELAY;
                if (bean || postProcessor) {
                    own.add(step.getId());
                }
            }
        }
        long total = 0;
        for (TimelineEvent event : events) {
            long id = event.getStartupStep().getId();
            if (own.contains(id) && !insideOwn(id, parents, own)) {
                total += event.getDuration().toNanos();
            }
        }
        return total;
    }

    private static boolean insideOwn(long id, Map<Long, Long> parents, Set<Long> own) {
        for (Long parent = parents.get(id); parent != null; parent = parents.get(parent)) {
            if (own.contains(parent)) {
                return true;
            }
        }
        return false;
    }

    private static HikariDataSource pool(TestDatabase database) throws SQLException {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(4);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            // Both open before timing starts: Belay uses two (the lock has a connection of its own).
        }
        return pool;
    }

    private static void requireTables(DataSource dataSource, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                        + "AND tablename LIKE 't____'")) {
            row.next();
            if (row.getInt(1) != count) {
                throw new IllegalStateException("Expected " + count + " tables but found " + row.getInt(1));
            }
        }
    }

    /** The tools in an order that rotates from round to round, so that none is always first. */
    private static List<Peer> turn(int round) {
        List<Peer> order = new ArrayList<>(TOOLS);
        java.util.Collections.rotate(order, Math.floorMod(round, order.size()));
        return order;
    }

    private static Map<Peer, Samples> stats() {
        Map<Peer, Samples> stats = new EnumMap<>(Peer.class);
        for (Peer peer : Peer.values()) {
            stats.put(peer, new Samples());
        }
        return stats;
    }

    private static void row(String title, Map<Peer, Samples> figures) {
        Samples belay = figures.get(Peer.BELAY);
        Samples flyway = figures.get(Peer.FLYWAY);
        Samples liquibase = figures.get(Peer.LIQUIBASE);
        System.out.printf(Locale.ROOT, "%-48s %22s %22s %22s %13.1fx %15.1fx%n", title, cell(belay), cell(flyway),
                cell(liquibase), flyway.median() / belay.median(), liquibase.median() / belay.median());
    }

    private static String cell(Samples stats) {
        return String.format(Locale.ROOT, "%.1f [%.0f-%.0f]", stats.median(), stats.min(), stats.max());
    }

    private static void progress(String what, int round, int rounds) {
        System.err.printf(Locale.ROOT, "%s: %s %d of %d%n", what, (round < 0) ? "warm-up" : "round",
                (round < 0) ? round + WARM_UP + 1 : round + 1, (round < 0) ? WARM_UP : rounds);
    }

}
