package io.spindle.api;

import java.util.ArrayList;
import java.util.List;

/** Renders rows as Spark's show() does: a bordered table, NULL as "NULL", at most {@code limit} rows. */
final class TableFormatter {
    private static final int MAX_CELL = 20;

    private TableFormatter() {}

    static String format(String[] columns, List<Row> rows, int limit) {
        List<String[]> cells = new ArrayList<>();
        cells.add(columns);
        for (int r = 0; r < Math.min(limit, rows.size()); r++) {
            String[] line = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                Object value = rows.get(r).get(c);
                String text = value == null ? "NULL" : String.valueOf(value);
                line[c] = text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 3) + "..." : text;
            }
            cells.add(line);
        }
        int[] widths = new int[columns.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        String border = border(widths);
        text.append(border);
        for (int i = 0; i < cells.size(); i++) {
            text.append('|');
            for (int c = 0; c < widths.length; c++) {
                text.append(String.format("%" + widths[c] + "s|", cells.get(i)[c]));
            }
            text.append('\n');
            if (i == 0) {
                text.append(border);
            }
        }
        text.append(border);
        if (rows.size() > limit) {
            text.append("only showing top ").append(limit).append(" rows\n");
        }
        return text.toString();
    }

    private static String border(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width)).append('+');
        }
        return line.append('\n').toString();
    }
}
