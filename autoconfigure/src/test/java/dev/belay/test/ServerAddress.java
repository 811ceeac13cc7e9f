package dev.belay.test;

/**
 * Where the test {@link PostgresServer} listens, read from its JDBC URL, so that helpers which
 * stand between a client and the server ({@link PgBouncer}, {@link TcpProxy}) know where to
 * forward to, embedded or external alike.
 *
 * @param host the host name or address, without IPv6 brackets
 * @param port the TCP port
 */
public record ServerAddress(String host, int port) {

    private static final String PREFIX = "jdbc:postgresql://";

    private static final int DEFAULT_PORT = 5432;

    /** The address of {@code server}. */
    public static ServerAddress of(PostgresServer server) {
        return parse(server.url(""));
    }

    /** The address in a URL such as {@code jdbc:postgresql://localhost:5432/db?user=x}. */
    static ServerAddress parse(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        String rest = url.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String authority = (slash < 0) ? rest : rest.substring(0, slash);
        if (authority.isEmpty() || authority.contains(",")) {
            throw new IllegalArgumentException("Expected exactly one host in " + url);
        }
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = authority.substring(1, close);
            port = authority.substring(close + 1);
        }
        else {
            int colon = authority.lastIndexOf(':');
            host = (colon < 0) ? authority : authority.substring(0, colon);
            port = (colon < 0) ? "" : authority.substring(colon);
        }
        return new ServerAddress(host, port.startsWith(":") ? Integer.parseInt(port.substring(1)) : DEFAULT_PORT);
    }

}
