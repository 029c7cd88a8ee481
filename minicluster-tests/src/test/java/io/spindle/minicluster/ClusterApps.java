package io.spindle.minicluster;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

/** What the shared cluster's ResourceManager knows about applications, for assertions. */
final class ClusterApps {

    private ClusterApps() {
    }

    static int count() {
        return applications().size();
    }

    static List<ApplicationReport> applications() {
        YarnClient yarn = client();
        try {
            return yarn.getApplications();
        } catch (YarnException | IOException e) {
            throw new IllegalStateException(e);
        } finally {
            yarn.stop();
        }
    }

    static ApplicationReport report(String applicationId) {
        YarnClient yarn = client();
        try {
            return yarn.getApplicationReport(ApplicationId.fromString(applicationId));
        } catch (YarnException | IOException e) {
            throw new IllegalStateException(e);
        } finally {
            yarn.stop();
        }
    }

    static ApplicationReport byName(String name) {
        return applications().stream().filter(app -> app.getName().equals(name)).findFirst().orElse(null);
    }

    static YarnClient client() {
        YarnClient yarn = YarnClient.createYarnClient();
        yarn.init(MiniClusterExtension.cluster().clientConfiguration());
        yarn.start();
        return yarn;
    }
}
