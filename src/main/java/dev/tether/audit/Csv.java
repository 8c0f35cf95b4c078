package dev.tether.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 rows: fields separated by commas, rows ended by CRLF, a field quoted (and its quotes
 * doubled) when it holds a comma, a quote, CR or LF. Values are written as they are, except that a
 * value a spreadsheet would run as a formula (one that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return: OWASP's rule for CSV injection) is written
 * with a single quote before it, and quoted: the cell then shows the text and runs nothing. A
 * user id or a label is the client's text, so the export must be safe to open. A few lines of
 * code do not justify a CSV library in the WAR.
 */
final class Csv {

    private Csv() {}

    static void row(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(out, fields[i]);
        }
        out.write("\r\n");
    }

    private static void field(Writer out, String value) throws IOException {
        if (value == null) {
            return;
        }
        if (isFormula(value)) {
            out.write('"');
            out.write(("'" + value).replace("\"", "\"\""));
            out.write('"');
            return;
        }
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    /** Whether a spreadsheet would read the cell as a formula (or a command, after a tab or CR). */
    static boolean isFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
