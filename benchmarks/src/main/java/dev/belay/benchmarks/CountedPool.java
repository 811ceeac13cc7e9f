package dev.belay.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import dev.belay.test.RoundTripCounter;
import dev.belay.test.TestDatabase;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A HikariCP pool that counts what a tool asks of it: connections checked out (and how many at
 * once at most), physical connections opened, and network round trips over all of them (the
 * times the driver, having sent something, waits for the server's answer, counted by
 * {@link RoundTripCounter} on every connection of the pool). Counting costs a field write per
 * socket read or write, the same for every tool.
 */
final class CountedPool extends DelegatingDataSource implements AutoCloseable {

    private final RoundTripCounter counter = RoundTripCounter.register();

    private final HikariDataSource pool;

    private final AtomicInteger checkouts = new AtomicInteger();

    private final AtomicInteger inUse = new AtomicInteger();

    private final AtomicInteger peak = new AtomicInteger();

    /** A pool of at most {@code size} connections to the database, all open before it returns. */
    CountedPool(TestDatabase database, int size) throws SQLException {
        this.pool = new HikariDataSource();
        this.pool.setJdbcUrl(database.url());
        this.pool.setUsername(database.user());
        this.pool.setPassword(database.password());
        this.pool.setMaximumPoolSize(size);
        this.counter.driverProperties().forEach(this.pool::addDataSourceProperty);
        setTargetDataSource(this.pool);
        List<Connection> all = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            all.add(this.pool.getConnection());
        }
        for (Connection connection : all) {
            connection.close();
        }
        reset();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        this.checkouts.incrementAndGet();
        this.peak.accumulateAndGet(this.inUse.incrementAndGet(), Math::max);
        AtomicInteger closed = new AtomicInteger();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("close") && closed.getAndIncrement() == 0) {
                        this.inUse.decrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new UnsupportedOperationException("The benchmark's tools use the pool's credentials");
    }

    /** Starts counting from zero. */
    void reset() {
        this.counter.reset();
        this.checkouts.set(0);
        this.peak.set(this.inUse.get());
    }

    /** What was counted since the last {@link #reset()}. */
    Counts counts() {
        return new Counts(this.counter.roundTrips(), this.checkouts.get(), this.peak.get(), this.counter.sockets());
    }

    @Override
    public void close() {
        this.pool.close();
        this.counter.close();
    }

    /**
     * What a tool asked of the pool.
     *
     * @param roundTrips network round trips over every connection
     * @param checkouts connections checked out of the pool
     * @param peak connections checked out at once, at most
     * @param opened physical connections opened (the pool's own, opened before, not counted)
     */
    record Counts(long roundTrips, int checkouts, int peak, int opened) {

    }

}
