package dev.tether.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static String row(String... fields) throws IOException {
        StringWriter out = new StringWriter();
        Csv.row(out, fields);
        return out.toString();
    }

    @Test
    void plainFieldsAreWrittenAsTheyAreAndRowsEndWithCrLf() throws IOException {
        assertEquals("a,b-c,42\r\n", row("a", "b-c", "42"));
    }

    @Test
    void absentValuesAreEmptyFields() throws IOException {
        assertEquals(",x,\r\n", row(null, "x", null));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAndQuotesDoubled() throws IOException {
        assertEquals(
                "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n",
                row("a,b", "say \"hi\"", "two\nlines", "cr\rhere"));
    }

    @Test
    void unicodeNeedsNoQuoting() throws IOException {
        assertEquals("Zoë,東京,🎬\r\n", row("Zoë", "東京", "🎬"));
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsQuotedWithASingleQuoteBeforeIt() throws IOException {
        assertEquals(
                "\"'=HYPERLINK(\"\"http://evil\"\")\",\"'+1\",\"'-2+3\",\"'@SUM(A1)\",\"'\tcmd\",\"'\rx\"\r\n",
                row("=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rx"));
    }

    @Test
    void formulaCharactersAfterTheFirstAreLeftAlone() throws IOException {
        assertEquals("a=b,x+y,mail@example.com,,\r\n", row("a=b", "x+y", "mail@example.com", "", null));
    }
}
