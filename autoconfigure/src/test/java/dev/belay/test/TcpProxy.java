package dev.belay.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;


/**
 * A TCP proxy inside the test JVM, on a free local port, that forwards every connection to one
 * host and port (normally the test {@link PostgresServer}). It exists to lose connections on
 * purpose: {@link #cutAll()} resets every proxied connection at once, on the client's side and
 * the server's, as a failing network or a restarted load balancer would, at exactly the moment
 * a test chooses. PostgreSQL then sees its client vanish (and ends the session, releasing its
 * session-level advisory locks) and the client's next read or write fails with an I/O error.
 * <p>
 * Plain blocking sockets and daemon threads (two per connection): a test opens a handful of
 * connections, and a stuck proxy must never keep the JVM alive.
 */
public final class TcpProxy implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ServerAddress target;

    private final ServerSocket listener;

    private final Set<Link> links = ConcurrentHashMap.newKeySet();

    private volatile boolean refuseNew;

    private volatile boolean closed;

    private TcpProxy(ServerAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
    }

    /** A proxy to the test PostgreSQL server. */
    public static TcpProxy toServer() {
        return to(ServerAddress.of(PostgresServer.get()));
    }

    /** A proxy to {@code target}, accepting connections on a free port of 127.0.0.1. */
    public static TcpProxy to(ServerAddress target) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(target, listener);
            daemon("tcp-proxy-" + listener.getLocalPort() + "-accept", proxy::accept).start();
            return proxy;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not open a local port for a TCP proxy to " + target, ex);
        }
    }

    /** The local port clients connect to. */
    public int port() {
        return this.listener.getLocalPort();
    }

    /** The host clients connect to. */
    public String host() {
        return this.listener.getInetAddress().getHostAddress();
    }

    /** The JDBC URL of {@code database} through this proxy (credentials separate, as in {@link TestDatabase}). */
    public String url(TestDatabase database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database.name();
    }

    /** A new connection to {@code database} through this proxy, in autocommit mode; the caller closes it. */
    public Connection connect(TestDatabase database) throws SQLException {
        return database.connect(url(database));
    }

    /** A simple (unpooled) data source on {@code database} through this proxy. */
    public DataSource dataSource(TestDatabase database) {
        return database.dataSource(url(database));
    }

    /** Spring Boot properties that point an application at {@code database} through this proxy. */
    public String[] springProperties(TestDatabase database) {
        return database.springProperties(url(database));
    }

    /** The number of proxied connections open now. */
    public int connections() {
        return this.links.size();
    }

    /**
     * Resets every proxied connection now, both towards the client and towards the server.
     * Connections made afterwards are forwarded again, unless {@link #refuseNew(boolean)} says
     * otherwise. Note that pgjdbc's {@code Connection.close()} on a cut connection that has not
     * yet failed a statement throws (it tries to say goodbye to the server): close such a
     * connection quietly, or not at all.
     * @return how many connections were cut
     */
    public int cutAll() {
        int cut = 0;
        for (Link link : this.links) {
            if (link.cut()) {
                cut++;
            }
        }
        return cut;
    }

    /**
     * Whether new connections are reset as soon as they arrive (as if the server were unreachable)
     * instead of being forwarded; open connections are not affected.
     */
    public void refuseNew(boolean refuse) {
        this.refuseNew = refuse;
    }

    /** Stops accepting and cuts every open connection. */
    @Override
    public void close() {
        this.closed = true;
        try {
            this.listener.close();
        }
        catch (IOException ex) {
            // Closing: nothing to do about it.
        }
        cutAll();
    }

    @Override
    public String toString() {
        return "TcpProxy[" + host() + ":" + port() + " -> " + this.target + "]";
    }

    private void accept() {
        while (!this.closed) {
            Socket client;
            try {
                client = this.listener.accept();
            }
            catch (IOException ex) {
                return;
            }
            if (this.refuseNew || this.closed) {
                reset(client);
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(this.target.host(), this.target.port()), 10_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                this.links.add(link);
                String name = "tcp-proxy-" + port() + "-" + COUNTER.incrementAndGet();
                daemon(name + "-up", () -> link.pump(client, server)).start();
                daemon(name + "-down", () -> link.pump(server, client)).start();
            }
            catch (IOException ex) {
                // The target is unreachable: the client learns it as from the target itself.
                closeQuietly(server);
                reset(client);
            }
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Closes {@code socket} with a TCP reset rather than an orderly FIN where the platform allows. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        }
        catch (SocketException ex) {
            // Already closed or not connected: a plain close is all there is.
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // Closing: nothing to do about it.
        }
    }

    /** One proxied connection: the client's socket and ours to the server. */
    private final class Link {

        private final Socket client;

        private final Socket server;

        private final AtomicBoolean open = new AtomicBoolean(true);

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
                end();
            }
            catch (IOException ex) {
                cut();
            }
        }

        /** One side closed in order: close the other the same way. */
        private void end() {
            if (this.open.compareAndSet(true, false)) {
                TcpProxy.this.links.remove(this);
                closeQuietly(this.client);
                closeQuietly(this.server);
            }
        }

        boolean cut() {
            if (this.open.compareAndSet(true, false)) {
                TcpProxy.this.links.remove(this);
                reset(this.client);
                reset(this.server);
                return true;
            }
            return false;
        }

    }

}
