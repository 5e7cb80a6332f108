package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.PartitaException;
import dev.partita.format.text.read.CsvOptions;
import dev.partita.jobs.internal.FileInputs;
import dev.partita.jobs.internal.RecordReader;
import dev.partita.jobs.internal.TextColumns;
import dev.partita.jobs.source.FileSource;
import dev.partita.jobs.transform.RowBuffer;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.testing.Datasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV and JSON Lines readers of file sources, checked against DuckDB's CSV reader and edge cases. */
class TextInputTest {
  private static final Schema AIRPORTS = Schema.builder().required("iata", DataType.string())
      .optional("name", DataType.string()).optional("city", DataType.string()).optional("state", DataType.string())
      .optional("country", DataType.string()).optional("latitude", DataType.float64())
      .optional("longitude", DataType.float64()).build();

  @TempDir Path tmp;

  /** Reads every record, formatting good ones as {@code a|b|...} and bad ones as {@code BAD <message>}. */
  private static List<String> read(FileSource source, Path file) throws IOException {
    List<String> out = new ArrayList<>();
    RowBuffer row = new RowBuffer(source.schema());
    try (FileInputs.Opened opened = FileInputs.open(source, file, file.getFileName().toString())) {
      RecordReader reader = opened.reader();
      while (true) {
        try {
          if (!reader.next(row)) {
            break;
          }
        } catch (InvalidRowException e) {
          out.add("BAD " + e.getMessage());
          continue;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < source.schema().size(); i++) {
          if (i > 0) {
            sb.append('|');
          }
          sb.append(row.isNull(i) ? "NULL" : TextColumns.format(row, i, source.schema().column(i).type()));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  @Test
  void airportsReadLikeDuckDbReadsThem() throws Exception {
    Path csv = Datasets.file("airports.csv");
    List<String> ours = read(FileSource.csv("a", csv.getParent(), AIRPORTS).build(), csv);
    Collections.sort(ours);
    List<String> duck = Duck.query("SELECT iata, name, city, state, country, latitude, longitude FROM read_csv("
        + Duck.literal(csv.toString()) + ", header = true, quote = '\"', columns = {'iata': 'VARCHAR', 'name':"
        + " 'VARCHAR', 'city': 'VARCHAR', 'state': 'VARCHAR', 'country': 'VARCHAR', 'latitude': 'DOUBLE',"
        + " 'longitude': 'DOUBLE'})");
    assertThat(ours).hasSize(3376).isEqualTo(duck);
    assertThat(ours).anyMatch(r -> r.contains("Union County, Troy Shelton"));
  }

  @Test
  void quotingLineBreaksNullsAndHeaders() throws Exception {
    Schema schema = Schema.builder().required("id", DataType.int32()).optional("text", DataType.string())
        .optional("amount", DataType.decimal(6, 2)).optional("at", DataType.timestampTz())
        .optional("ok", DataType.bool()).build();
    String text = "\uFEFFOK,Amount,ID,text,extra,AT\r\n"
        + "true,1.5,1,\"a \"\"quoted\"\"\r\nline, with comma\",x,2024-03-01 10:00:00Z\r\n"
        + "\r\n"
        + "f,,2,\"\",x,2024-03-01T10:00:00.123456+02:00\n"
        + "1,-0.10,3,,x,2024-03-01\r"
        + "yes,1,4,a,x,\n"
        + "0,1.234,5,a,x,\n"
        + "0,1,6,a\n"
        + "0,1,,a,x,\n"
        + "0,1,8,\"never closed,x,";
    Path file = tmp.resolve("t.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertThat(read(FileSource.csv("s", tmp, schema).build(), file)).containsExactly(
        "1|a \"quoted\"\r\nline, with comma|1.50|2024-03-01T10:00:00Z|true",
        "2||NULL|2024-03-01T08:00:00.123456Z|false",
        "3|NULL|-0.10|2024-03-01T00:00:00Z|true",
        "BAD row 7, column 'ok': cannot read 'yes' as boolean: expected true, false, t, f, 1 or 0",
        "BAD row 8, column 'amount': cannot read '1.234' as decimal(6,2) (more than 2 fractional digits)",
        "BAD row 9, column '(record)': has 4 fields, expected 6 in t.csv",
        "BAD row 10, column 'id': null in required column of type int32",
        "BAD row 11, column '(record)': quoted field not closed before the end of t.csv");

    Files.writeString(file, "text\nx\n");
    assertThatThrownBy(() -> read(FileSource.csv("s", tmp, schema).build(), file))
        .isInstanceOf(PartitaException.class).hasMessageContaining("has no column 'id' in its header [text]");

    Files.writeString(file, "7;\"x;y\"\n");
    assertThat(read(FileSource.csv("s", tmp, Schema.builder().required("id", DataType.int64())
        .optional("text", DataType.string()).build()).header(false).delimiter(';').build(), file))
        .containsExactly("7|x;y");

    // The whole CsvOptions reaches the reader: quote, header and the null text (unquoted only).
    Files.writeString(file, "ID|text\n8|NA\n9|'NA'\n10|'a|b'\n");
    assertThat(read(FileSource.csv("s", tmp, Schema.builder().required("id", DataType.int64())
        .optional("text", DataType.string()).build()).csvOptions(CsvOptions.builder().delimiter('|').quote('\'')
        .nullValue("NA").build()).build(), file))
        .containsExactly("8|NULL", "9|NA", "10|a|b");
  }

  @Test
  void jsonLinesValuesAndBadRecords() throws Exception {
    Schema schema = Schema.builder().required("id", DataType.int64()).optional("name", DataType.string())
        .optional("day", DataType.date()).optional("score", DataType.float64()).optional("small", DataType.int8())
        .build();
    Path file = tmp.resolve("t.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"id\": 1, \"name\": \"ü \\\"q\\\"\", \"day\": \"2024-02-29\", \"score\": 1.5, \"small\": -128, \"x\": [1]}",
        "",
        "{\"ID\": \"2\", \"NAME\": 42, \"score\": 3}",
        "{\"id\": 3, \"small\": 128}",
        "{\"id\": 4, \"name\": {\"nested\": true}}",
        "{\"id\": 5,",
        "[1, 2]",
        "{\"id\": 6.5}",
        "{\"name\": \"no id\"}",
        "{\"id\": 7} trailing"));
    List<String> rows = read(FileSource.jsonLines("s", tmp, schema).build(), file);
    // Jackson's own parse messages are cut to their start.
    rows.replaceAll(r -> r.contains("is not valid JSON") ? r.substring(0, r.indexOf(": ", r.indexOf("JSON")) + 16) : r);
    assertThat(rows).containsExactly(
        "1|ü \"q\"|2024-02-29|1.5|-128",
        "2|42|NULL|3.0|NULL",
        "BAD row 4, column 'small': cannot read '128' as int8 (out of the range of int8)",
        "BAD row 5, column 'name': a nested object does not fit type string in t.jsonl",
        "BAD row 6, column '(record)': is not valid JSON in t.jsonl: Unexpected end",
        "BAD row 7, column '(record)': is not a JSON object in t.jsonl",
        "BAD row 8, column 'id': a fractional number 6.5 does not fit type int64 in t.jsonl",
        "BAD row 9, column 'id': null in required column of type int64",
        "BAD row 10, column '(record)': is not valid JSON in t.jsonl: Unrecognized t");
  }
}
