package io.spindle.formats.layout;

/**
 * Two files of one table hold a column in types that cannot be merged (string in one, long in the
 * other). Names the column and both files, so the odd file can be found among thousands.
 */
public final class IncompatibleSchemaException extends TableLayoutException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final String firstFile;
    private final String secondFile;

    public IncompatibleSchemaException(String column, String firstFile, String firstType, String secondFile,
            String secondType) {
        super("Column '" + column + "' is " + firstType + " in " + firstFile + " but " + secondType + " in "
                + secondFile + ": the types cannot be merged (only int to long, and decimals to a wider "
                + "decimal without loss, are widened)");
        this.column = column;
        this.firstFile = firstFile;
        this.secondFile = secondFile;
    }

    public String column() {
        return column;
    }

    public String firstFile() {
        return firstFile;
    }

    public String secondFile() {
        return secondFile;
    }
}
