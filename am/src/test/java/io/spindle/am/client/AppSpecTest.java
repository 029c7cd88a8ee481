package io.spindle.am.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the AM must run, shipped as JSON in the configuration archive. */
class AppSpecTest {

    private static AppSpec roundTrip(AppSpec spec) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        spec.write(bytes);
        return AppSpec.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void jsonRoundTripGivesAnEqualSpec() throws IOException {
        AppSpec spec = new AppSpec("nightly", "io.example.Nightly", List.of("hdfs:///in", "hdfs:///out"),
                "hdfs://nn:8020/user/etl/.spindle-staging/application_1_0001", true,
                "hdfs://nn:8020/user/etl/.spindle-staging/.jar-cache/spindle-libs-0123456789abcdef.zip");

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }

    @Test
    void argumentsThatWouldNeedShellQuotingSurviveUnchanged() throws IOException {
        List<String> args = List.of("", "two words", "--looks-like-an-option", "quote\"and'apostrophe", "$HOME `id`",
                "line\nbreak", "tab\there", "ünïcødé ✓", "back\\slash");
        AppSpec spec = new AppSpec("a", "io.example.Job", args, "/staging", false, "/staging/__spindle_libs__.zip");

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }
}
