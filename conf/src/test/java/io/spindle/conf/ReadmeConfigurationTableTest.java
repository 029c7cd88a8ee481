package io.spindle.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's configuration reference lists every key with its real default. */
class ReadmeConfigurationTableTest {

    @Test
    void everyKeyIsInTheReadmeTableWithItsDefault() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        for (ConfigKey<?> key : SpindleKeys.all()) {
            String row = readme.stream().filter(line -> line.startsWith("| `" + key.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("README.md has no configuration row for " + key.name()));
            String expectedDefault = key.defaultText().isEmpty() ? "(empty)" : "`" + key.defaultText() + "`";
            assertThat(row).as(key.name()).contains("| " + expectedDefault + " |");
        }
    }
}
