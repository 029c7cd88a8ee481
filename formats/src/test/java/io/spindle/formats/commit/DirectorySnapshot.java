package io.spindle.formats.commit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and directory under a path with its bytes (as hex), to prove a tree unchanged byte for byte. */
final class DirectorySnapshot {
    private DirectorySnapshot() {}

    /** Relative path to content ("dir" for directories); empty when the path does not exist. */
    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root)) {
            return entries;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> entries.put(root.relativize(path).toString(), content(path)));
        }
        return entries;
    }

    /** Names in the parent of {@code output} that are staging directories. */
    static java.util.List<String> stagingDirectories(Path output) throws IOException {
        try (Stream<Path> siblings = Files.list(output.getParent())) {
            return siblings.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(".spindle-staging-")).toList();
        }
    }

    private static String content(Path path) {
        try {
            return Files.isDirectory(path) ? "dir" : HexFormat.of().formatHex(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
