package io.spindle.plan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.EngineSettings;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule of the optimizer's list has a golden "fires" snapshot, and the exclusion switch rejects typos. */
class RuleCoverageTest {

    @Test
    void everyRuleHasAGoldenSnapshotOfItFiring() throws IOException {
        Set<String> snapshotted = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
            for (Path file : files.toList()) {
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
                if (first.startsWith("rule: ")) {
                    snapshotted.add(first.substring("rule: ".length()));
                }
            }
        }
        assertThat(snapshotted).containsAll(Optimizer.ruleNames());
    }

    @Test
    void anUnknownExcludedRuleIsAnErrorNamingTheClosestRule() {
        SpindleConf conf = SpindleConf.of(Map.of(SpindleKeys.OPTIMIZER_EXCLUDED_RULES.name(),
                "PruneColumns, PushFilterThroughAgregate"));
        assertThatThrownBy(() -> new Optimizer(EngineSettings.from(conf).excludedRules()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown optimizer rule 'PushFilterThroughAgregate'")
                .hasMessageContaining("did you mean 'PushFilterThroughAggregate'");
    }
}
