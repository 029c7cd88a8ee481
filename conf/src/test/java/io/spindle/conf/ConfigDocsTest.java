package io.spindle.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {
    /** Surefire runs in the module directory, where the committed file lives. */
    private static final Path COMMITTED = Path.of("spindle-defaults.conf");

    @Test
    void committedDefaultsFileIsUpToDate() throws IOException {
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("conf/spindle-defaults.conf is stale: regenerate it with "
                        + "java -cp conf/target/classes io.spindle.conf.ConfigDocs conf/spindle-defaults.conf")
                .isEqualTo(ConfigDocs.render());
    }

    @Test
    void defaultsFileSetsEveryKeyToItsDefault() {
        Map<String, String> entries = ConfigLoader.readFile(COMMITTED);
        assertThat(entries.keySet()).containsExactlyElementsOf(
                SpindleKeys.all().stream().map(ConfigKey::name).toList());
        SpindleConf conf = SpindleConf.of(entries);
        for (ConfigKey<?> key : SpindleKeys.all()) {
            assertThat(conf.get(key)).as(key.name()).isEqualTo(key.defaultValue());
        }
    }

    @Test
    void everyKeyIsDocumentedWithTypeAndDefault() {
        String rendered = ConfigDocs.render();
        assertThat(rendered).contains("""

                # Heap of each executor (-Xmx).
                # Type: data size. Default: 1g. Must be positive.
                spindle.executor.memory = 1g
                """);
        assertThat(rendered).contains("# Type: string. Default: (empty).\nspindle.local.dir =\n");
        assertThat(rendered.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
    }

    @Test
    void wrapsAtWordBoundaries() {
        assertThat(ConfigDocs.wrap("aaa bbb ccc", 7)).containsExactly("aaa bbb", "ccc");
        assertThat(ConfigDocs.wrap("averyveryverylongword x", 5)).containsExactly("averyveryverylongword", "x");
    }
}
