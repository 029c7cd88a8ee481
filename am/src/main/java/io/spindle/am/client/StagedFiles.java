package io.spindle.am.client;

import io.spindle.am.yarn.LaunchLayout;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Writes what an application's containers localize into its staging directory ({@link LaunchLayout}). */
final class StagedFiles {

    private StagedFiles() {
    }

    /** Uploads the app jar, Spindle's jars (or reuses the jar cache) and the configuration archive. */
    static AppSpec upload(SubmitRequest request, StagingDirectory staging, Configuration hadoopConf, String appName)
            throws IOException {
        staging.upload(request.appJar(), LaunchLayout.APP_JAR);
        Path libsArchive;
        if (request.conf().get(SpindleKeys.YARN_JAR_CACHE)) {
            libsArchive = JarCache.ensure(staging.fileSystem(), staging.path().getParent(), request.spindleJars());
        } else {
            libsArchive = new Path(staging.path(), LaunchLayout.LIBS_ARCHIVE);
            try (OutputStream libs = staging.fileSystem().create(libsArchive, true)) {
                SpindleLibs.writeArchive(request.spindleJars(), libs);
            }
        }
        AppSpec spec = new AppSpec(appName, request.mainClass(), request.args(), staging.path().toString(),
                request.conf().get(SpindleKeys.SUBMIT_WAIT_FOR_COMPLETION), libsArchive.toString());
        try (OutputStream confArchive = staging.create(LaunchLayout.CONF_ARCHIVE);
             ZipOutputStream zip = new ZipOutputStream(confArchive)) {
            for (Map.Entry<String, Configuration> site : HadoopSiteFiles.split(hadoopConf).entrySet()) {
                zip.putNextEntry(new ZipEntry(site.getKey()));
                site.getValue().writeXml(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(LaunchLayout.SPINDLE_PROPERTIES));
            zip.write(toProperties(request.conf()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(AppSpec.FILE_NAME));
            spec.write(new NonClosingOutputStream(zip));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(LaunchLayout.LOG4J2_PROPERTIES));
            zip.write(request.log4jConfig().isPresent()
                    ? Files.readAllBytes(request.log4jConfig().get()) : defaultLog4jConfig());
            zip.closeEntry();
        }
        return spec;
    }

    static byte[] toProperties(SpindleConf conf) throws IOException {
        Properties properties = new Properties();
        properties.putAll(conf.toMap());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        properties.store(bytes, "Submitted Spindle configuration");
        return bytes.toByteArray();
    }

    private static byte[] defaultLog4jConfig() throws IOException {
        try (InputStream in = StagedFiles.class.getResourceAsStream("/io/spindle/conf/log4j2.properties")) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }

    /** Lets Jackson write into a zip entry without closing the zip. */
    private static final class NonClosingOutputStream extends FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
