package io.spindle.metastore.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DataType;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.HiveCatalog;
import io.spindle.metastore.TableName;
import io.spindle.metastore.publish.PartitionOutput;
import io.spindle.metastore.publish.PartitionPublisher;
import io.spindle.metastore.publish.PublishMode;
import io.spindle.metastore.publish.TableWrite;
import io.spindle.metastore.client.CountingMetastoreCalls;
import io.spindle.metastore.testing.FailingMetastoreCalls;
import io.spindle.metastore.testing.SharedMetastore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partition pruning against the real metastore, with a counting decorator proving which calls
 * were made: a filtered query never lists every partition.
 */
class PartitionPruningTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    private static final int DAYS = 400;

    private static HiveCatalog catalog;
    private static CatalogTable daily;
    private static CatalogTable hourly;

    @BeforeAll
    static void createTables() throws IOException {
        catalog = SharedMetastore.catalog();
        String database = SharedMetastore.newDatabase("pruning");
        daily = catalog.createTable(CatalogTable.builder(TableName.of(database, "daily")).column("id", DataType.LONG)
                .partitionColumn("dt", DataType.DATE).build(), false);
        List<List<Object>> days = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            days.add(List.of(FIRST_DAY.plusDays(day)));
        }
        publishEmpty(daily, days);
        hourly = catalog.createTable(CatalogTable.builder(TableName.of(database, "hourly")).column("id", DataType.LONG)
                .partitionColumn("region", DataType.STRING).partitionColumn("hour", DataType.INT).build(), false);
        List<List<Object>> hours = new ArrayList<>();
        for (String region : new String[] {"eu", "us", null}) {
            for (int hour = 0; hour < 24; hour++) {
                hours.add(Arrays.asList(region, hour));
            }
        }
        publishEmpty(hourly, hours);
    }

    @Test
    void dateRangeIsFilteredInTheMetastoreWithoutListingEveryPartition() {
        CountingMetastoreCalls counting = counting();
        Predicate october = Predicate.and(Predicate.greaterThanOrEqual("dt", LocalDate.of(2026, 10, 1)),
                Predicate.lessThanOrEqual("dt", LocalDate.of(2026, 10, 30)));

        PrunedPartitions pruned = catalog.withCalls(calls -> counting).partitions(daily, Optional.of(october));

        assertThat(counting.counts()).isEqualTo(Map.of("listPartitionsByFilter", 1, "getNumPartitionsByFilter", 1));
        assertThat(pruned.method()).isEqualTo(PruningMethod.PUSHED_FILTER);
        assertThat(pruned.partitions()).extracting(p -> p.values().get(0))
                .containsExactlyElementsOf(LocalDate.of(2026, 10, 1).datesUntil(LocalDate.of(2026, 10, 31)).toList());
        assertThat(pruned.totalPartitionCount()).isEqualTo(DAYS);
        assertThat(pruned.explain())
                .isEqualTo("partitions: 30 of 400 (metastore filter: dt >= '2026-10-01' and dt <= '2026-10-30')");
        assertThat(pruned.partitions().get(0).location()).endsWith("/dt=2026-10-01/spindle-setup");
    }

    @Test
    void unpushablePredicateListsNamesAndFetchesOnlyTheSurvivors() {
        CountingMetastoreCalls counting = counting();
        Predicate predicate = Predicate.or(Predicate.isNull("dt"),
                Predicate.in("dt", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 7), LocalDate.of(2030, 1, 1)));

        PrunedPartitions pruned = catalog.withCalls(calls -> counting).partitions(daily, Optional.of(predicate));

        assertThat(counting.counts()).isEqualTo(Map.of("listPartitionNames", 1, "getPartitionsByNames", 1));
        assertThat(counting.arguments("getPartitionsByNames")).containsExactly(List.of("dt=2026-01-05", "dt=2026-02-07"));
        assertThat(pruned.method()).isEqualTo(PruningMethod.NAMES_THEN_FETCH);
        assertThat(pruned.partitions()).extracting(CatalogPartition::name).containsExactly("dt=2026-01-05", "dt=2026-02-07");
        assertThat(pruned.explain()).startsWith("partitions: 2 of 400 (").contains("evaluated on 400 partition names");
    }

    @Test
    void pushablePartIsPushedAndTheRestEvaluatedOnTheReturnedPartitions() {
        CountingMetastoreCalls counting = counting();
        Predicate predicate = Predicate.and(Predicate.greaterThan("dt", LocalDate.of(2027, 1, 30)),
                Predicate.not(Predicate.in("dt", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 3))));

        PrunedPartitions pruned = catalog.withCalls(calls -> counting).partitions(daily, Optional.of(predicate));

        assertThat(counting.counts()).isEqualTo(Map.of("listPartitionsByFilter", 1, "getNumPartitionsByFilter", 1));
        assertThat(pruned.partitions()).extracting(CatalogPartition::name)
                .containsExactly("dt=2027-01-31", "dt=2027-02-02", "dt=2027-02-04");
        assertThat(pruned.explain()).isEqualTo("partitions: 3 of 400 (metastore filter: dt > '2027-01-30'; then on "
                + "partition values: NOT dt IN (DATE '2027-02-01', DATE '2027-02-03'))");
    }

    @Test
    void integerAndStringColumnsArePushedAndTheNullPartitionHandledAsSql() {
        CountingMetastoreCalls counting = counting();
        Predicate predicate = Predicate.and(Predicate.notEqual("region", "eu"), Predicate.in("hour", 3, 4));

        PrunedPartitions pruned = catalog.withCalls(calls -> counting).partitions(hourly, Optional.of(predicate));

        assertThat(counting.counts()).isEqualTo(Map.of("listPartitionsByFilter", 1, "getNumPartitionsByFilter", 1));
        assertThat(pruned.metastoreFilter()).contains("region <> 'eu' and (hour = 3 or hour = 4)");
        // The metastore compares the null partition's stored name as a string; SQL's <> is never true for null.
        assertThat(pruned.partitions()).extracting(CatalogPartition::name).containsExactly("region=us/hour=3",
                "region=us/hour=4");
        assertThat(pruned.totalPartitionCount()).isEqualTo(72);
    }

    @Test
    void nullPartitionIsSelectedByIsNull() {
        PrunedPartitions pruned = catalog.partitions(hourly, Optional.of(Predicate.and(Predicate.isNull("region"),
                Predicate.equal("hour", 7))));
        assertThat(pruned.partitions()).singleElement().satisfies(partition -> {
            assertThat(partition.name()).isEqualTo("region=__HIVE_DEFAULT_PARTITION__/hour=7");
            assertThat(partition.values()).containsExactly(null, 7);
        });
    }

    @Test
    void withoutPartitionPredicateAllPartitionsAreFetchedByNameInBatches() {
        CountingMetastoreCalls counting = counting();
        PrunedPartitions pruned = catalog.withCalls(calls -> counting)
                .partitions(daily, Optional.of(Predicate.greaterThan("id", 5L)));
        assertThat(counting.counts()).isEqualTo(Map.of("listPartitionNames", 1, "getPartitionsByNames", 2));
        assertThat(pruned.method()).isEqualTo(PruningMethod.NO_PREDICATE);
        assertThat(pruned.partitions()).hasSize(DAYS);
        assertThat(pruned.explain()).isEqualTo("partitions: 400 of 400 (no predicate on partition columns)");
    }

    @Test
    void filterTheMetastoreRejectsFallsBackToNames() {
        CountingMetastoreCalls counting = counting();
        HiveCatalog failing = catalog.withCalls(calls -> new FailingMetastoreCalls(counting, "listPartitionsByFilter"));
        PrunedPartitions pruned = failing.partitions(daily, Optional.of(Predicate.equal("dt", LocalDate.of(2026, 3, 3))));
        assertThat(pruned.method()).isEqualTo(PruningMethod.NAMES_THEN_FETCH);
        assertThat(pruned.partitions()).extracting(CatalogPartition::name).containsExactly("dt=2026-03-03");
        assertThat(counting.arguments("getPartitionsByNames")).containsExactly(List.of("dt=2026-03-03"));
        assertThat(pruned.explain()).contains("after the metastore failed on dt = '2026-03-03'");
    }

    private static CountingMetastoreCalls counting() {
        AtomicReference<CountingMetastoreCalls> counting = new AtomicReference<>();
        catalog.withCalls(calls -> {
            counting.set(new CountingMetastoreCalls(calls));
            return calls;
        });
        return counting.get();
    }

    /** Adds partitions with empty version directories, all in one publish. */
    private static void publishEmpty(CatalogTable table, List<List<Object>> partitions) throws IOException {
        List<PartitionOutput> outputs = new ArrayList<>();
        for (List<Object> values : partitions) {
            String directory = PartitionPublisher.versionDirectory(table, values, "setup");
            new Path(directory).getFileSystem(SharedMetastore.hadoopConf()).mkdirs(new Path(directory));
            outputs.add(new PartitionOutput(values, directory, 0));
        }
        catalog.publisher().publish(TableWrite.dynamic(table.name(), "setup", PublishMode.APPEND, outputs));
    }
}
