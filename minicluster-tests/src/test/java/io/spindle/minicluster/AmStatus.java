package io.spindle.minicluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/** Reads a running application's status page (the AM's JSON endpoint), as an operator would. */
final class AmStatus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AmStatus() {
    }

    /** The running application of that name, waiting (bounded) until YARN reports it RUNNING. */
    static ApplicationReport awaitRunning(String name) {
        ApplicationReport[] found = new ApplicationReport[1];
        Eventually.waitFor("application '" + name + "' RUNNING", Duration.ofSeconds(90), () -> {
            ApplicationReport report = ClusterApps.byName(name);
            found[0] = report;
            return report != null && report.getYarnApplicationState() == YarnApplicationState.RUNNING
                    && report.getOriginalTrackingUrl() != null && report.getOriginalTrackingUrl().startsWith("http");
        });
        return found[0];
    }

    static JsonNode fetch(ApplicationReport app) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.getOriginalTrackingUrl() + "status"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status page answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Executors the scheduler knows, as JSON objects. */
    static List<JsonNode> executors(JsonNode status) {
        List<JsonNode> executors = new ArrayList<>();
        status.path("scheduler").path("executors").forEach(executors::add);
        return executors;
    }
}
