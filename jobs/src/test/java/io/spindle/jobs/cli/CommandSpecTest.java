package io.spindle.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.jobs.cli.CommandSpec.Outcome;
import io.spindle.jobs.cli.CommandSpec.UsageException;
import io.spindle.jobs.cli.CommandSpec.ValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command-line parser against plain expectations: values set, errors named. */
class CommandSpecTest {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> rest = new ArrayList<>();

    private CommandSpec spec(boolean stopAtPositional) {
        CommandSpec spec = new CommandSpec("try", "A command to try the parser on.")
                .option("--count", "count", "how many", ValueType.INT, value -> values.put("count", value))
                .option("--ratio", "ratio", "a fraction", ValueType.DOUBLE, value -> values.put("ratio", value))
                .option("--name", "name", "a name", ValueType.STRING, value -> values.merge("name", value,
                        (old, added) -> old + "+" + added))
                .requiredOption("--class", "mainClass", "the class", ValueType.STRING, value -> values.put("class", value))
                .hiddenFlag("--secret", "not in the help", () -> values.put("secret", true))
                .parameter("file", "a file", ValueType.PATH, value -> values.put("file", value))
                .remainingParameters("args", "the rest", rest::add);
        return stopAtPositional ? spec.stopAtPositional() : spec;
    }

    @Test
    void setsOptionsInBothFormsRepeatedOptionsAndParameters() {
        Outcome outcome = spec(false).parse(List.of("--count", "3", "--ratio=0.5", "--name", "a", "--name=b",
                "--class", "C", "--secret", "in.txt", "x", "--", "--not-an-option"));

        assertThat(outcome).isEqualTo(Outcome.RUN);
        assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of("count", 3, "ratio", 0.5, "name", "a+b",
                "class", "C", "secret", true, "file", Path.of("in.txt")));
        assertThat(rest).containsExactly("x", "--not-an-option");
    }

    @Test
    void stopAtPositionalLeavesLaterOptionsToTheRest() {
        spec(true).parse(List.of("--class", "C", "app.jar", "--count", "7", "-h"));

        assertThat(values).doesNotContainKey("count");
        assertThat(values.get("file")).isEqualTo(Path.of("app.jar"));
        assertThat(rest).containsExactly("--count", "7", "-h");
    }

    @Test
    void helpAndVersionWinOverMissingValues() {
        assertThat(spec(false).parse(List.of("--help"))).isEqualTo(Outcome.HELP);
        assertThat(spec(false).parse(List.of("--count", "1", "-V"))).isEqualTo(Outcome.VERSION);
    }

    @Test
    void anUnknownOptionSuggestsEveryVisibleOptionWithinTwoEditsAsDeclared() {
        // two edits from both --ratio and --name: in declaration order, not by name
        assertThatThrownBy(() -> spec(false).parse(List.of("--nato")))
                .hasMessage("Unknown option: '--nato'; did you mean --ratio or --name?");
        assertThatThrownBy(() -> spec(false).parse(List.of("--COUNT=3")))
                .hasMessage("Unknown option: '--COUNT=3'; did you mean --count?");
        assertThatThrownBy(() -> spec(false).parse(List.of("--clazzz"))).hasMessage("Unknown option: '--clazzz'");
        assertThatThrownBy(() -> spec(false).parse(List.of("--secrett"))).hasMessage("Unknown option: '--secrett'");
    }

    @Test
    void errorsNameTheOptionOrParameter() {
        assertThatThrownBy(() -> spec(false).parse(List.of("--class", "C", "--cuont", "3", "f")))
                .isInstanceOf(UsageException.class).hasMessage("Unknown option: '--cuont'; did you mean --count?");
        assertThatThrownBy(() -> spec(false).parse(List.of("--class", "C", "--count", "three", "f")))
                .hasMessage("Invalid value for option '--count': 'three' is not an int");
        assertThatThrownBy(() -> spec(false).parse(List.of("--class", "C", "f", "--count")))
                .hasMessage("Missing required parameter for option '--count' (<count>)");
        assertThatThrownBy(() -> spec(false).parse(List.of("--count", "--class", "C", "f")))
                .hasMessage("Missing required parameter for option '--count' (<count>)");
        assertThatThrownBy(() -> spec(false).parse(List.of("f")))
                .hasMessage("Missing required option: '--class=<mainClass>'");
        assertThatThrownBy(() -> spec(false).parse(List.of("--class", "C")))
                .hasMessage("Missing required parameter: '<file>'");
    }

    @Test
    void surplusPositionalsAreNamedWithTheirIndex() {
        CommandSpec single = new CommandSpec("one", "One parameter.")
                .parameter("id", "an id", ValueType.STRING, value -> values.put("id", value));

        assertThatThrownBy(() -> single.parse(List.of("a", "b", "c")))
                .hasMessage("Unmatched arguments from index 1: 'b', 'c'");
        assertThatThrownBy(() -> single.parse(List.of("a", "b")))
                .hasMessage("Unmatched argument at index 1: 'b'");
    }

    @Test
    void usageListsVisibleOptionsWrappedAtEightyColumns() {
        String usage = spec(false).usage("spindle try");

        assertThat(usage).startsWith("Usage: spindle try [-hV] [--count=<count>]")
                .contains("--class=<mainClass>", "<file>", "[<args>...]", "A command to try the parser on.",
                        "-h, --help", "-V, --version")
                .doesNotContain("--secret");
        assertThat(usage.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }
}
