package io.spindle.formats.layout;

import java.io.IOException;

/**
 * A table directory that cannot be read as one table: partition directories that disagree on
 * their columns, data files beside partition directories, or a partition value that does not fit
 * the partition column's declared type. The message names the paths involved.
 */
public class TableLayoutException extends IOException {
    private static final long serialVersionUID = 1L;

    public TableLayoutException(String message) {
        super(message);
    }

    public TableLayoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
