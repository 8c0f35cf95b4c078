package dev.tether.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 rows: fields separated by commas, rows ended by CRLF, a field quoted (and its quotes
 * doubled) when it holds a comma, a quote, CR or LF. Values are written as they are, so that an
 * export is the trail itself; a spreadsheet user should import it as text. A few lines of code
 * do not justify a CSV library in the WAR.
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
}
