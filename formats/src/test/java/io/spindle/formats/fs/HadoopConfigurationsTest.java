package io.spindle.formats.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class HadoopConfigurationsTest {

    private static Map<String, String> raw(Configuration conf) {
        Map<String, String> values = new TreeMap<>();
        conf.forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        return values;
    }

    @Test
    void aFreshConfigurationHoldsWhatNewConfigurationParses() {
        Map<String, String> reference = raw(new Configuration());
        HadoopConfigurations.fresh(); // the first call parses, later ones copy
        Map<String, String> copied = raw(HadoopConfigurations.fresh());
        assertTrue(reference.size() > 100, "core-default.xml should have been parsed: " + reference.size());
        assertEquals(reference, copied);
        assertEquals(new Configuration().get("fs.defaultFS"), HadoopConfigurations.fresh().get("fs.defaultFS"));
    }

    @Test
    void changesToOneConfigurationAreNotSeenByAnother() {
        Configuration first = HadoopConfigurations.fresh();
        first.set("spindle.test.local", "first");
        first.unset("fs.defaultFS");
        Configuration second = HadoopConfigurations.fresh();
        assertNull(second.get("spindle.test.local"));
        assertEquals(new Configuration().get("fs.defaultFS"), second.get("fs.defaultFS"));
        assertEquals("first", first.get("spindle.test.local"));
        assertNull(first.get("fs.defaultFS"));
    }

    @Test
    void concurrentCallersEachGetTheirOwnComplete() throws Exception {
        HadoopConfigurations.fresh(); // the first call initialises the classes that add default resources
        Map<String, String> reference = raw(new Configuration());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int caller = 0; caller < 64; caller++) {
                int id = caller;
                outcomes.add(pool.submit(() -> {
                    Configuration conf = HadoopConfigurations.fresh();
                    conf.set("spindle.test.caller", Integer.toString(id));
                    Map<String, String> values = raw(conf);
                    values.remove("spindle.test.caller");
                    if (!values.equals(reference)) {
                        return "caller " + id + " got a configuration that differs from new Configuration()";
                    }
                    String own = conf.get("spindle.test.caller");
                    return own.equals(Integer.toString(id)) ? "" : "caller " + id + " saw caller " + own + "'s value";
                }));
            }
            for (Future<String> outcome : outcomes) {
                assertEquals("", outcome.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDefaultResourceAddedLaterReachesLaterConfigurations() {
        HadoopConfigurations.fresh();
        Configuration.addDefaultResource("spindle-test-added-default.xml");
        Configuration reference = new Configuration();
        assertEquals("from-added-resource", reference.get("spindle.test.addedDefault"));
        assertEquals(reference.get("spindle.test.addedDefault"),
                HadoopConfigurations.fresh().get("spindle.test.addedDefault"));
    }

    @Test
    void theLoginAndTheFileSystemRegistryDoNotMarkCopiesForAReparse() throws Exception {
        Configuration copy = HadoopConfigurations.fresh();
        assertEquals("2", copy.get("mapreduce.job.maps"), "the MapReduce defaults are parsed in");
        assertEquals("0.0.0.0:8032", copy.get("yarn.resourcemanager.address"), "the YARN defaults are parsed in");
        // What a job reaches next: the login (which initialises JobConf) and the file-system
        // registry (which initialises DistributedFileSystem and HdfsConfiguration).
        org.apache.hadoop.security.UserGroupInformation.getCurrentUser();
        org.apache.hadoop.fs.FileSystem.getFileSystemClass("file", copy);
        Class.forName("org.apache.hadoop.hdfs.DistributedFileSystem", true, Configuration.class.getClassLoader());
        java.lang.reflect.Field properties = Configuration.class.getDeclaredField("properties");
        properties.setAccessible(true);
        assertTrue(properties.get(copy) != null, "a default resource added after the parse marked the copy for a re-parse");
        assertEquals(raw(new Configuration()), raw(copy));
    }
}
