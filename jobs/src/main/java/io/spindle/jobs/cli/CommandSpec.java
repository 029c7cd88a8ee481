package io.spindle.jobs.cli;

import io.spindle.metastore.NameSuggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One {@code bin/spindle} command's options and positional parameters, declared in code and
 * bound to the command's fields by setters: parsing needs no reflection and no library, which
 * kept picocli's ~170 classes (too old a class-file version for the class-data archive) and its
 * annotation scan out of every command's start-up. {@link #parse} follows the usual GNU form
 * ({@code --name value}, {@code --name=value}, {@code --} ends the options) and throws
 * {@link UsageException} naming the option or parameter at fault; {@link #usage} is the help.
 */
public final class CommandSpec {
    private static final int WIDTH = 80;
    private static final int LABEL_COLUMN = 30;
    /**
     * A mistyped option or command gets every declared name at most this many edits away as a
     * suggestion, in declaration order (the vocabulary is short, so none is left out).
     */
    static final int SUGGESTION_DISTANCE = 2;

    /** What a parse found besides values: a request for help or for the version. */
    enum Outcome { RUN, HELP, VERSION }

    private record Option(String name, String label, String description, boolean required, boolean hidden,
            Consumer<String> setter) {
        boolean isFlag() {
            return label == null;
        }

        String synopsis() {
            return isFlag() ? name : name + "=<" + label + ">";
        }
    }

    private record Parameter(String label, String description, boolean many, Consumer<String> setter) {
    }

    private final String name;
    private final String description;
    private final List<Option> options = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private boolean stopAtPositional;

    public CommandSpec(String name, String description) {
        this.name = name;
        this.description = description;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    /** An option with a value, converted by {@code type} (whose failure names the option and the value). */
    public <T> CommandSpec option(String optionName, String label, String text, ValueType<T> type, Consumer<T> setter) {
        return add(new Option(optionName, label, text, false, false, value -> setter.accept(type.convert(optionName, value))));
    }

    /** A required option with a value. */
    public <T> CommandSpec requiredOption(String optionName, String label, String text, ValueType<T> type, Consumer<T> setter) {
        return add(new Option(optionName, label, text, true, false, value -> setter.accept(type.convert(optionName, value))));
    }

    /** An option left out of the help (for the bench's own child processes). */
    public CommandSpec hiddenFlag(String optionName, String text, Runnable setter) {
        return add(new Option(optionName, null, text, false, true, value -> setter.run()));
    }

    /** A positional parameter, in declaration order. */
    public <T> CommandSpec parameter(String label, String text, ValueType<T> type, Consumer<T> setter) {
        parameters.add(new Parameter(label, text, false, value -> setter.accept(type.convert("<" + label + ">", value))));
        return this;
    }

    /** The positional parameters after the declared ones; optional. */
    public CommandSpec remainingParameters(String label, String text, Consumer<String> setter) {
        parameters.add(new Parameter(label, text, true, setter));
        return this;
    }

    /** Everything after the first positional parameter is a parameter, even if it looks like an option. */
    public CommandSpec stopAtPositional() {
        stopAtPositional = true;
        return this;
    }

    private CommandSpec add(Option option) {
        options.add(option);
        return this;
    }

    /** Sets the command's fields from {@code args}, or says that help or the version was asked for. */
    Outcome parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        List<Option> seen = new ArrayList<>();
        boolean optionsEnded = false;
        for (int index = 0; index < args.size(); index++) {
            String arg = args.get(index);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                optionsEnded |= stopAtPositional;
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                return Outcome.HELP;
            }
            if (arg.equals("-V") || arg.equals("--version")) {
                return Outcome.VERSION;
            }
            int equals = arg.indexOf('=');
            String optionName = equals > 0 ? arg.substring(0, equals) : arg;
            Option option = find(optionName);
            if (option == null) {
                throw new UsageException("Unknown option: '" + arg + "'" + suggestion(optionName));
            }
            if (option.isFlag()) {
                option.setter().accept("");
            } else if (equals > 0) {
                option.setter().accept(arg.substring(equals + 1));
            } else if (index + 1 < args.size() && find(args.get(index + 1)) == null) {
                option.setter().accept(args.get(++index));
            } else {
                throw new UsageException("Missing required parameter for option '" + option.name() + "' (<"
                        + option.label() + ">)");
            }
            seen.add(option);
        }
        for (Option option : options) {
            if (option.required() && !seen.contains(option)) {
                throw new UsageException("Missing required option: '" + option.synopsis() + "'");
            }
        }
        int next = 0;
        for (Parameter parameter : parameters) {
            if (parameter.many()) {
                positional.subList(next, positional.size()).forEach(parameter.setter());
                next = positional.size();
            } else if (next < positional.size()) {
                parameter.setter().accept(positional.get(next++));
            } else {
                throw new UsageException("Missing required parameter: '<" + parameter.label() + ">'");
            }
        }
        if (next < positional.size()) {
            int at = args.size() - (positional.size() - next);
            List<String> unmatched = positional.subList(next, positional.size());
            throw new UsageException((unmatched.size() == 1 ? "Unmatched argument at index " : "Unmatched arguments from index ")
                    + at + ": '" + String.join("', '", unmatched) + "'");
        }
        return Outcome.RUN;
    }

    private Option find(String optionName) {
        for (Option option : options) {
            if (option.name().equals(optionName)) {
                return option;
            }
        }
        return null;
    }

    private String suggestion(String optionName) {
        List<String> visible = options.stream().filter(option -> !option.hidden()).map(Option::name).toList();
        List<String> close = NameSuggestions.within(optionName, visible, SUGGESTION_DISTANCE);
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
    }

    /** The help: synopsis, description, then each parameter and option with its description. */
    String usage(String commandPath) {
        StringBuilder synopsis = new StringBuilder("Usage: " + commandPath + " [-hV]");
        for (Option option : options) {
            if (!option.hidden()) {
                synopsis.append(option.required() ? " " + option.synopsis() : " [" + option.synopsis() + "]");
            }
        }
        for (Parameter parameter : parameters) {
            synopsis.append(parameter.many() ? " [<" + parameter.label() + ">...]" : " <" + parameter.label() + ">");
        }
        StringBuilder text = new StringBuilder();
        text.append(wrap(synopsis.toString(), 0, commandPath.length() + 8)).append(wrap(description, 0, 0));
        for (Parameter parameter : parameters) {
            row(text, parameter.many() ? "[<" + parameter.label() + ">...]" : "<" + parameter.label() + ">",
                    parameter.description());
        }
        for (Option option : options) {
            if (!option.hidden()) {
                row(text, option.synopsis(), option.description());
            }
        }
        row(text, "-h, --help", "Show this help message and exit.");
        row(text, "-V, --version", "Print version information and exit.");
        return text.toString();
    }

    static void row(StringBuilder text, String label, String description) {
        String left = "  " + label;
        if (left.length() + 2 > LABEL_COLUMN) {
            text.append(left).append(System.lineSeparator()).append(wrap(description, LABEL_COLUMN, LABEL_COLUMN + 2));
        } else {
            text.append(left).append(wrap(description, LABEL_COLUMN, LABEL_COLUMN + 2).substring(left.length()));
        }
    }

    /**
     * Wraps at {@link #WIDTH} columns: the first line is indented by {@code first} (and assumed to
     * start there), later lines by {@code rest}.
     */
    static String wrap(String words, int first, int rest) {
        StringBuilder out = new StringBuilder(" ".repeat(first));
        int used = first;
        boolean lineStart = true;
        for (String word : words.split(" ")) {
            if (!lineStart && used + 1 + word.length() > WIDTH) {
                out.append(System.lineSeparator()).append(" ".repeat(rest));
                used = rest;
                lineStart = true;
            }
            if (!lineStart) {
                out.append(' ');
                used++;
            }
            out.append(word);
            used += word.length();
            lineStart = false;
        }
        return out.append(System.lineSeparator()).toString();
    }

    /** Converts an option's or parameter's text, naming both in the error. */
    public interface ValueType<T> {
        T convert(String what, String value);

        ValueType<String> STRING = (what, value) -> value;
        ValueType<Path> PATH = (what, value) -> Path.of(value);
        ValueType<Integer> INT = number("an int", Integer::valueOf);
        ValueType<Double> DOUBLE = number("a double", Double::valueOf);

        private static <N> ValueType<N> number(String kind, Function<String, N> parse) {
            return (what, value) -> {
                try {
                    return parse.apply(value.strip());
                } catch (NumberFormatException e) {
                    throw new UsageException("Invalid value for " + (what.startsWith("<") ? "positional parameter "
                            : "option ") + "'" + what + "': '" + value + "' is not " + kind);
                }
            };
        }
    }

    /** The command line is wrong: the message names what and why; exit code 2. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
