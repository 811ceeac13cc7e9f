package dev.belay.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the terminal: a header and rows, columns padded to their widest cell. */
final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.rows.add(List.of(header));
    }

    TextTable row(String... cells) {
        this.rows.add(List.of(cells));
        return this;
    }

    @Override
    public String toString() {
        int columns = this.rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : this.rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : this.rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row.get(i));
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    /** The text cut to at most {@code max} characters, with an ellipsis when cut. */
    static String shortened(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return (oneLine.length() <= max) ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

}
