package io.spindle.formats.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creating table directory trees of small placeholder files in tests. */
final class TableFiles {
    private TableFiles() {}

    /** Creates {@code root/relative} (and its directories) holding a few bytes. */
    static Path touch(Path root, String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, relative.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
