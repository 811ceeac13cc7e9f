package dev.belay.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ride log's HTTP API as a client sees it: plain requests to a running app (in this JVM or
 * another) and JSON answers.
 */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    private final Map<String, String> headers;

    ApiClient(int port) {
        this(URI.create("http://localhost:" + port), Map.of());
    }

    private ApiClient(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** A client that sends this header with every request too ({@code X-Tenant}, say). */
    ApiClient with(String header, String value) {
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        headers.put(header, value);
        return new ApiClient(this.base, Map.copyOf(headers));
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    Response put(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType).PUT(BodyPublishers.ofByteArray(body)));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path)).timeout(Duration.ofMinutes(1));
        this.headers.forEach(request::header);
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<byte[]> response = this.http.send(built, BodyHandlers.ofByteArray());
            return new Response(built.method() + " " + built.uri(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** An answer; {@link #toString()} shows the request and the body, for assertion messages. */
    record Response(String request, int status, String contentType, byte[] body) {

        String text() {
            return new String(this.body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(this.body);
        }

        @Override
        public String toString() {
            return this.request + " -> " + this.status + " " + text();
        }

    }

}
