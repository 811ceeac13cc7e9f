package dev.belay.benchmarks;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.SocketFactory;

import com.zaxxer.hikari.HikariDataSource;
import dev.belay.test.TestDatabase;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A HikariCP pool that counts what a tool asks of it: connections checked out (and how many at
 * once at most), physical connections opened, and network round trips over all of them (the
 * times the driver, having sent something, waits for the server's answer; pgjdbc's sockets are
 * wrapped through its {@code socketFactory} property). Counting costs a field write per socket
 * read or write, the same for every tool.
 */
final class CountedPool extends DelegatingDataSource implements AutoCloseable {

    private static final Map<String, CountedPool> POOLS = new ConcurrentHashMap<>();

    private final String key = UUID.randomUUID().toString();

    private final HikariDataSource pool;

    private final AtomicLong roundTrips = new AtomicLong();

    private final AtomicInteger opened = new AtomicInteger();

    private final AtomicInteger checkouts = new AtomicInteger();

    private final AtomicInteger inUse = new AtomicInteger();

    private final AtomicInteger peak = new AtomicInteger();

    /** A pool of at most {@code size} connections to the database, all open before it returns. */
    CountedPool(TestDatabase database, int size) throws SQLException {
        POOLS.put(this.key, this);
        this.pool = new HikariDataSource();
        this.pool.setJdbcUrl(database.url());
        this.pool.setUsername(database.user());
        this.pool.setPassword(database.password());
        this.pool.setMaximumPoolSize(size);
        this.pool.addDataSourceProperty("socketFactory", CountingSocketFactory.class.getName());
        this.pool.addDataSourceProperty("socketFactoryArg", this.key);
        this.pool.addDataSourceProperty("sslmode", "disable");
        this.pool.addDataSourceProperty("gssEncMode", "disable");
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
        this.roundTrips.set(0);
        this.opened.set(0);
        this.checkouts.set(0);
        this.peak.set(this.inUse.get());
    }

    /** What was counted since the last {@link #reset()}. */
    Counts counts() {
        return new Counts(this.roundTrips.get(), this.checkouts.get(), this.peak.get(), this.opened.get());
    }

    @Override
    public void close() {
        this.pool.close();
        POOLS.remove(this.key);
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

    /** Instantiated by pgjdbc with the pool's key as its argument. */
    public static final class CountingSocketFactory extends SocketFactory {

        private final CountedPool pool;

        public CountingSocketFactory(String key) {
            this.pool = POOLS.get(key);
        }

        @Override
        public Socket createSocket() {
            this.pool.opened.incrementAndGet();
            return new CountingSocket(this.pool.roundTrips);
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
        }

    }

    /** Counts one round trip each time the connection, having written, starts reading. */
    private static final class CountingSocket extends Socket {

        private final AtomicLong roundTrips;

        private volatile boolean wrote;

        private InputStream input;

        private OutputStream output;

        CountingSocket(AtomicLong roundTrips) {
            this.roundTrips = roundTrips;
        }

        private void reading() {
            if (this.wrote) {
                this.wrote = false;
                this.roundTrips.incrementAndGet();
            }
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (this.input == null) {
                this.input = new FilterInputStream(super.getInputStream()) {

                    @Override
                    public int read() throws IOException {
                        reading();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        reading();
                        return super.read(bytes, offset, length);
                    }

                };
            }
            return this.input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (this.output == null) {
                this.output = new FilterOutputStream(super.getOutputStream()) {

                    @Override
                    public void write(int b) throws IOException {
                        CountingSocket.this.wrote = true;
                        this.out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        CountingSocket.this.wrote = true;
                        this.out.write(bytes, offset, length);
                    }

                };
            }
            return this.output;
        }

    }

}
