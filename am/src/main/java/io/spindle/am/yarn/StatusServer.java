package io.spindle.am.yarn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The AM's tracking page: {@code GET /} (and {@code /status}) answers the application's state as
 * JSON — executors, stages, progress. Small on purpose: the JDK's HTTP server, no web framework.
 */
public final class StatusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final HttpServer server;
    private final ExecutorService threads;

    public StatusServer(int port, Supplier<Map<String, Object>> status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 16);
        threads = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "spindle-status-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> respond(exchange, status));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, Supplier<Map<String, Object>> status) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            int code;
            if (path.equals("/") || path.equals("/status") || path.equals("/status/")) {
                body = JSON.writeValueAsBytes(status.get());
                code = 200;
            } else {
                body = JSON.writeValueAsBytes(Map.of("error", "not found: " + path, "try", "/status"));
                code = 404;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(code, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
