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
 * Counts the network round trips of one JDBC connection: the times the driver, having sent
 * something, has to wait for the server's answer. The connection's socket is wrapped (through
 * pgjdbc's {@code socketFactory} property) so that every switch from writing to reading counts
 * one; a batch of pipelined statements therefore counts once, however the network splits it.
 */
public final class RoundTripCounter {

    private static final Map<String, RoundTripCounter> COUNTERS = new ConcurrentHashMap<>();

    private final AtomicInteger roundTrips = new AtomicInteger();

    private volatile boolean wrote;

    private RoundTripCounter() {
    }

    /** Opens a counted connection to {@code database}; the count starts at zero once it is open. */
    public static Counted open(TestDatabase database) throws SQLException {
        String key = UUID.randomUUID().toString();
        RoundTripCounter created = new RoundTripCounter();
        COUNTERS.put(key, created);
        Properties properties = database.server().credentials();
        properties.setProperty("socketFactory", CountingSocketFactory.class.getName());
        properties.setProperty("socketFactoryArg", key);
        properties.setProperty("sslmode", "disable");
        properties.setProperty("gssEncMode", "disable");
        try {
            Connection connection = DriverManager.getConnection(database.url(), properties);
            created.reset();
            return new Counted(connection, created);
        }
        finally {
            COUNTERS.remove(key);
        }
    }

    /** Round trips since the connection opened or since the last {@link #reset()}. */
    public int roundTrips() {
        return this.roundTrips.get();
    }

    public void reset() {
        this.roundTrips.set(0);
        this.wrote = false;
    }

    private void written() {
        this.wrote = true;
    }

    private void reading() {
        if (this.wrote) {
            this.wrote = false;
            this.roundTrips.incrementAndGet();
        }
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

    private static final class CountingSocket extends Socket {

        private final RoundTripCounter counter;

        private InputStream input;

        private OutputStream output;

        CountingSocket(RoundTripCounter counter) {
            this.counter = counter;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (this.input == null) {
                this.input = new FilterInputStream(super.getInputStream()) {

                    @Override
                    public int read() throws IOException {
                        CountingSocket.this.counter.reading();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        CountingSocket.this.counter.reading();
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
                        CountingSocket.this.counter.written();
                        this.out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        CountingSocket.this.counter.written();
                        this.out.write(bytes, offset, length);
                    }

                };
            }
            return this.output;
        }

    }

}
