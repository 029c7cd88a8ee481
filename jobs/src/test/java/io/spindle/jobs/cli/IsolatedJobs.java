package io.spindle.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Jobs compiled during a test, so their classes are in the application jar and nowhere on the test classpath. */
final class IsolatedJobs {

    private IsolatedJobs() {
    }

    static Path compileToJar(Path directory, String className, String source) throws IOException {
        Path sources = Files.createDirectories(directory.resolve("isolated-src"));
        Path classes = Files.createDirectories(directory.resolve("isolated-classes"));
        Path sourceFile = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(sourceFile, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean compiled = compiler.getTask(messages, null, null,
                List.of("-classpath", System.getProperty("java.class.path") + File.pathSeparator + classpathFromManifest(),
                        "-d", classes.toString(), "--release", "17"),
                null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(sourceFile.toFile())).call();
        assertThat(compiled).as("compiler output: %s", messages).isTrue();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(classes)) {
            classFiles = files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        }
        return TestJars.jarOf(classes, classFiles, directory.resolve("isolated.jar"));
    }

    /** Surefire may start tests from a manifest-only jar; the real classpath is then in its manifest. */
    private static String classpathFromManifest() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire == null ? "" : surefire;
    }
}
