package dev.belay.test;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.SocketFactory;

/**
 * Counts the network round trips of JDBC connections: the times the driver, having sent
 * something, has to wait for the server's answer. Each connection's socket is wrapped (through
 * pgjdbc's {@code socketFactory} property) so that every switch from writing to reading counts
 * one; a batch of pipelined statements therefore counts once, however the network splits it.
 * One connection ({@link #open}), or every connection a pool opens with the
 * {@linkplain #driverProperties() driver properties} of a {@linkplain #register() registered}
 * counter.
 */
public final class RoundTripCounter implements AutoCloseable {

    private static final Map<String, RoundTripCounter> COUNTERS = new ConcurrentHashMap<>();

    private final String key = UUID.randomUUID().toString();

    private final AtomicInteger roundTrips = new AtomicInteger();

    private final AtomicInteger sockets = new AtomicInteger();

    private RoundTripCounter() {
    }

    /**
     * A counter for the connections opened with its {@link #driverProperties()} until it is
     * {@linkplain #close() closed}: those of a pool, say.
     */
    public static RoundTripCounter register() {
        RoundTripCounter counter = new RoundTripCounter();
        COUNTERS.put(counter.key, counter);
        return counter;
    }

    /** Opens a counted connection to {@code database}; the count starts at zero once it is open. */
    public static Counted open(TestDatabase database) throws SQLException {
        try (RoundTripCounter created = register()) {
            Properties properties = database.server().credentials();
            properties.putAll(created.driverProperties());
            Connection connection = DriverManager.getConnection(database.url(), properties);
            created.reset();
            return new Counted(connection, created);
        }
    }

    /** The pgjdbc properties that make a connection's round trips count here. */
    public Map<String, String> driverProperties() {
        return Map.of("socketFactory", CountingSocketFactory.class.getName(), "socketFactoryArg", this.key,
                "sslmode", "disable", "gssEncMode", "disable");
    }

    /** Round trips since the connection opened or since the last {@link #reset()}. */
    public int roundTrips() {
        return this.roundTrips.get();
    }

    /** Connections (sockets) opened since the last {@link #reset()}. */
    public int sockets() {
        return this.sockets.get();
    }

    public void reset() {
        this.roundTrips.set(0);
        this.sockets.set(0);
    }

    /** Stops counting connections opened from now on (those open go on counting). */
    @Override
    public void close() {
        COUNTERS.remove(this.key);
    }

    /**
     * A connection and the counter of its round trips; closing it closes the connection.
     *
     * @param connection the counted connection
     * @param counter its round trips
     */
    public record Counted(Connection connection, RoundTripCounter counter) implements AutoCloseable {

        @Override
        public void close() throws SQLException {
            this.connection.close();
        }

    }

    /** Instantiated by pgjdbc with the counter's key as its argument. */
    public static final class CountingSocketFactory extends SocketFactory {

        private final RoundTripCounter counter;

        public CountingSocketFactory(String key) {
            this.counter = COUNTERS.get(key);
        }

        @Override
        public Socket createSocket() {
            this.counter.sockets.incrementAndGet();
            return new CountingSocket(this.counter);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
        }

    }

    /** Counts one round trip each time its connection, having written, starts reading. */
    private static final class CountingSocket extends Socket {

        private final RoundTripCounter counter;

        private volatile boolean wrote;

        private InputStream input;

        private OutputStream output;

        CountingSocket(RoundTripCounter counter) {
            this.counter = counter;
        }

        private void reading() {
            if (this.wrote) {
                this.wrote = false;
                this.counter.roundTrips.incrementAndGet();
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
