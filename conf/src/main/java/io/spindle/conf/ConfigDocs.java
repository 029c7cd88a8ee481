package io.spindle.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates {@code conf/spindle-defaults.conf} from {@link SpindleKeys}, so the documentation
 * cannot drift from the code: a test fails when the committed file differs from {@link #render()}.
 * Regenerate with {@code java io.spindle.conf.ConfigDocs conf/spindle-defaults.conf}.
 */
public final class ConfigDocs {
    private static final int WIDTH = 100;
    private static final String RULE = "# " + "=".repeat(WIDTH - 2);

    private static final String HEADER = """
            # Spindle configuration defaults
            #
            # Every spindle.* key, with its documentation, type and default. The values below are the
            # built-in defaults, so this file changes nothing until you edit it.
            #
            # Where Spindle reads this file: $SPINDLE_CONF_DIR/spindle-defaults.conf, else
            # $SPINDLE_HOME/conf/spindle-defaults.conf.
            # Precedence, lowest to highest: this file, --conf key=value on the command line, then values
            # set in the job's code.
            #
            # Format: 'key = value' lines; the value runs to the end of the line and may be empty. Lines
            # starting with '#' are comments. A key may appear only once.
            # Data sizes use binary units: 512 (bytes), 64k, 128m, 2g, 1.5g, 1t (1k = 1024 bytes).
            # Durations: 250ms, 30s, 5m, 2h, 1d, or 0.
            #
            # An unknown spindle.* key is an error. Hadoop settings pass through with the prefix
            # spindle.hadoop., e.g. 'spindle.hadoop.fs.defaultFS = hdfs://namenode:8020' sets
            # fs.defaultFS.
            #
            # This copy is generated from io.spindle.conf.SpindleKeys by io.spindle.conf.ConfigDocs.
            # To change a default or a description, change SpindleKeys and regenerate.
            """;

    private ConfigDocs() {}

    /** The complete text of {@code spindle-defaults.conf}, with '\n' line endings. */
    public static String render() {
        StringBuilder out = new StringBuilder(HEADER);
        String section = null;
        for (ConfigKey<?> key : SpindleKeys.all()) {
            String keySection = SpindleKeys.sectionOf(key);
            if (!keySection.equals(section)) {
                section = keySection;
                out.append('\n').append(RULE).append("\n# ").append(section).append('\n').append(RULE).append('\n');
            }
            out.append('\n');
            for (String line : wrap(key.doc(), WIDTH - 2)) {
                out.append("# ").append(line).append('\n');
            }
            out.append("# ").append(typeLine(key)).append('\n');
            out.append(key.name()).append(" =");
            if (!key.defaultText().isEmpty()) {
                out.append(' ').append(key.defaultText());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String typeLine(ConfigKey<?> key) {
        String defaultText = key.defaultText().isEmpty() ? "(empty)" : key.defaultText();
        String line = "Type: " + key.type().displayName() + ". Default: " + defaultText + ".";
        return key.constraint().map(constraint -> line + " Must be " + constraint + ".").orElse(line);
    }

    /** Greedy word wrap; a word longer than the width gets a line of its own. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Writes the file: to the path given as the only argument, else ./spindle-defaults.conf. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : ConfigLoader.DEFAULTS_FILE_NAME);
        Files.writeString(target, render(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + target.toAbsolutePath());
    }
}
