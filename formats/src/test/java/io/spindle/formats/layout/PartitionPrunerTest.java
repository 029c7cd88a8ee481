package io.spindle.formats.layout;

import static io.spindle.formats.layout.TableFiles.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionPrunerTest {
    private static final Schema PARTITIONS = Schema.of(Field.of("p", DataType.INT), Field.of("q", DataType.STRING));
    private static final Predicate P_AT_LEAST_3_AND_Q_A =
            Predicate.and(Predicate.greaterThanOrEqual("p", 3), Predicate.equal("q", "a"));

    @TempDir
    Path dir;

    private CountingFileSystem fs;

    @BeforeEach
    void setUp() throws Exception {
        fs = CountingFileSystem.get(CountingFileSystem.configuration());
        for (int p = 1; p <= 4; p++) {
            for (String q : List.of("a", "b")) {
                touch(dir, "t/p=" + p + "/q=" + q + "/part-0");
            }
        }
        fs.resetCounts();
    }

    @Test
    void withKnownTypesPrunedDirectoriesAreNeverListed() throws Exception {
        TableLayout layout = new PartitionDiscovery(fs, PartitionDiscovery.Options.defaults()
                .withPartitionSchema(PARTITIONS))
                .discover(CountingFileSystem.path(dir.resolve("t")), Optional.of(P_AT_LEAST_3_AND_Q_A));

        assertThat(layout.partitions()).extracting(PartitionDirectory::values)
                .containsExactly(List.of(3, "a"), List.of(4, "a"));
        assertThat(fs.listed()).containsExactly(local("t"), local("t/p=3"), local("t/p=3/q=a"), local("t/p=4"),
                local("t/p=4/q=a"));
        assertThat(fs.opened()).isEmpty();
    }

    @Test
    void withInferredTypesEveryDirectoryIsListedButNoFileOpened() throws Exception {
        TableLayout layout = new PartitionDiscovery(fs, PartitionDiscovery.Options.defaults())
                .discover(CountingFileSystem.path(dir.resolve("t")), Optional.of(P_AT_LEAST_3_AND_Q_A));

        assertThat(layout.partitions()).extracting(PartitionDirectory::values)
                .containsExactly(List.of(3, "a"), List.of(4, "a"));
        assertThat(fs.listed()).hasSize(1 + 4 + 8);
        assertThat(fs.opened()).isEmpty();
    }

    @Test
    void pruneKeepsOnlyPartitionsThatMightMatch() throws Exception {
        TableLayout all = new PartitionDiscovery(fs, PartitionDiscovery.Options.defaults())
                .discover(CountingFileSystem.path(dir.resolve("t")));

        TableLayout pruned = PartitionPruner.prune(all, Predicate.or(Predicate.equal("p", 1),
                Predicate.in("q", "b")));

        assertThat(pruned.partitions()).extracting(PartitionDirectory::values).containsExactly(
                List.of(1, "a"), List.of(1, "b"), List.of(2, "b"), List.of(3, "b"), List.of(4, "b"));
    }

    @Test
    void columnsOutsideThePartitionSchemaMightMatch() {
        List<Object> values = List.of(1, "x");

        assertThat(PartitionPruner.mightMatch(Predicate.and(Predicate.equal("p", 1),
                Predicate.greaterThan("data", 5)), PARTITIONS, values)).isTrue();
        assertThat(PartitionPruner.mightMatch(Predicate.and(Predicate.equal("p", 2),
                Predicate.greaterThan("data", 5)), PARTITIONS, values)).isFalse();
        assertThat(PartitionPruner.mightMatch(Predicate.or(Predicate.equal("p", 2),
                Predicate.greaterThan("data", 5)), PARTITIONS, values)).isTrue();
        assertThat(PartitionPruner.mightMatch(Predicate.not(Predicate.isNull("data")), PARTITIONS, values)).isTrue();
    }

    @Test
    void comparisonsAreExactOnPartitionValues() {
        List<Object> values = List.of(1, "x");

        assertThat(PartitionPruner.mightMatch(Predicate.in("p", 2, 3), PARTITIONS, values)).isFalse();
        assertThat(PartitionPruner.mightMatch(Predicate.not(Predicate.in("p", 2, 3)), PARTITIONS, values)).isTrue();
        assertThat(PartitionPruner.mightMatch(Predicate.lessThan("q", "x"), PARTITIONS, values)).isFalse();
        assertThat(PartitionPruner.mightMatch(Predicate.lessThanOrEqual("q", "x"), PARTITIONS, values)).isTrue();
        assertThat(PartitionPruner.mightMatch(Predicate.notEqual("p", 1), PARTITIONS, values)).isFalse();
    }

    @Test
    void theDefaultPartitionFollowsThreeValuedLogic() {
        List<Object> nullP = Arrays.asList(null, "x");

        assertThat(PartitionPruner.mightMatch(Predicate.notEqual("p", 1), PARTITIONS, nullP)).isFalse();
        assertThat(PartitionPruner.mightMatch(Predicate.not(Predicate.equal("p", 1)), PARTITIONS, nullP)).isFalse();
        assertThat(PartitionPruner.mightMatch(Predicate.isNull("p"), PARTITIONS, nullP)).isTrue();
        assertThat(PartitionPruner.mightMatch(Predicate.isNotNull("p"), PARTITIONS, nullP)).isFalse();
        assertThat(PartitionPruner.mightMatch(Predicate.isNull("p"), PARTITIONS, List.of(1, "x"))).isFalse();
    }

    private String local(String relative) {
        return dir.resolve(relative).toString();
    }
}
