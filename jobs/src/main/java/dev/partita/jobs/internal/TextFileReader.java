package dev.partita.jobs.internal;

import dev.partita.PartitaException;
import dev.partita.format.text.read.CsvReader;
import dev.partita.format.text.read.JsonOptions;
import dev.partita.format.text.read.JsonReader;
import dev.partita.format.text.read.TextRecord;
import dev.partita.format.text.read.TextRecord.FieldKind;
import dev.partita.jobs.source.FileSource;
import dev.partita.jobs.transform.RowBuffer;
import dev.partita.row.InvalidRowException;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The records of one CSV or JSON Lines file of a {@link FileSource}, read with the shared readers of
 * {@code dev.partita.format.text.read} and typed into rows of the source's schema. Row numbers in errors are the
 * line a record starts on; a record with a problem of its own, or that does not fit the schema, is an
 * {@link InvalidRowException} and the next call reads the record after it.
 *
 * <p>CSV: columns are matched by header name (exact, else ignoring case; header fields that name no column are
 * ignored, a required column missing from the header fails the file), or by position without a header; an
 * unquoted field equal to the source's null value is null, a quoted one never is. JSON Lines: one object per
 * line, keys matched to columns by name (exact, else ignoring case), other keys ignored, missing ones null;
 * numbers fill numeric columns, strings are parsed as the column's type (see {@link TextColumns}), booleans fill
 * boolean columns, and any scalar fills a string column with its JSON text. Nested objects and arrays, and lines
 * that are not one JSON object, are bad records.
 */
final class TextFileReader implements RecordReader {
  private final dev.partita.format.text.read.RecordReader reader;
  private final boolean json;
  private final String input;
  private final Schema schema;
  private final String nullValue;
  private final TextColumns columns;
  /** CSV: for each field position, the schema column it fills, or -1. */
  private int[] columnOfField;
  private int expectedFields;

  private TextFileReader(dev.partita.format.text.read.RecordReader reader, FileSource source, String input) {
    this.reader = reader;
    this.json = reader instanceof JsonReader;
    this.input = input;
    this.schema = source.schema();
    this.nullValue = source.csvOptions().nullValue();
    this.columns = new TextColumns(schema);
  }

  /** Opens {@code in} (decompressed bytes of the file {@code input}) as {@code source} says it is written. */
  static RecordReader open(FileSource source, InputStream in, String input) throws IOException {
    Schema schema = source.schema();
    if (source.format() == FileSource.Format.JSON_LINES) {
      JsonOptions options = JsonOptions.builder().keys(schema.columns().stream().map(c -> c.name()).toList())
          .unknownKeys(JsonOptions.UnknownKeys.IGNORE).ignoreKeyCase(true).layout(JsonOptions.Layout.LINES).build();
      return new TextFileReader(new JsonReader(input, in, options), source, input);
    }
    CsvReader csv = new CsvReader(input, in, source.csvOptions());
    TextFileReader r = new TextFileReader(csv, source, input);
    if (source.csvOptions().header()) {
      r.mapHeader(csv.readHeader().orElse(List.of()));
    } else {
      r.expectedFields = schema.size();
      r.columnOfField = new int[schema.size()];
      for (int i = 0; i < schema.size(); i++) {
        r.columnOfField[i] = i;
      }
    }
    return r;
  }

  private void mapHeader(List<String> header) {
    Map<String, Integer> exact = new HashMap<>();
    Map<String, Integer> folded = new HashMap<>();
    for (int i = 0; i < schema.size(); i++) {
      exact.put(schema.column(i).name(), i);
      folded.putIfAbsent(schema.column(i).name().toLowerCase(Locale.ROOT), i);
    }
    expectedFields = header.size();
    columnOfField = new int[header.size()];
    if (header.isEmpty()) {
      return;
    }
    boolean[] covered = new boolean[schema.size()];
    for (int f = 0; f < header.size(); f++) {
      String name = header.get(f).strip();
      Integer col = exact.get(name);
      if (col == null) {
        col = folded.get(name.toLowerCase(Locale.ROOT));
      }
      columnOfField[f] = col == null || covered[col] ? -1 : col;
      if (col != null) {
        covered[col] = true;
      }
    }
    for (int i = 0; i < covered.length; i++) {
      if (!covered[i] && !schema.column(i).nullable()) {
        throw new PartitaException("file " + input + " has no column '" + schema.column(i).name()
            + "' in its header " + header + " but the source schema requires it; fix the file or make the column"
            + " nullable");
      }
    }
  }

  @Override
  public boolean next(RowBuffer out) throws IOException {
    if (!reader.next()) {
      return false;
    }
    out.clear();
    TextRecord r = reader.record();
    long line = r.line();
    if (r.hasProblem()) {
      throw new InvalidRowException("(record)", line, switch (r.problemKind()) {
        case FIELD_COUNT -> "has " + r.problemDetail() + " fields, expected " + expectedFields + " in " + input;
        case UNCLOSED_QUOTE -> "quoted field not closed before the end of " + input;
        case MALFORMED_JSON -> "is not valid JSON in " + input + ": " + r.problemDetail();
        case NOT_AN_OBJECT -> "is not a JSON object in " + input;
        default -> r.problem() + " in " + input;
      });
    }
    if (json) {
      readJson(r, out, line);
    } else {
      readCsv(r, out, line);
    }
    out.checkRequired(line);
    return true;
  }

  private void readCsv(TextRecord r, RowBuffer out, long line) {
    int n = r.fieldCount();
    if (n != expectedFields) {
      throw new InvalidRowException("(record)", line, "has " + n + " fields, expected " + expectedFields + " in "
          + input);
    }
    char[] c = r.chars();
    for (int f = 0; f < n; f++) {
      int col = columnOfField[f];
      if (col >= 0 && !r.isNull(f, nullValue)) {
        columns.parse(c, r.start(f), r.length(f), out, col, line);
      }
    }
  }

  /** Field {@code i} of a JSON record is column {@code i}. */
  private void readJson(TextRecord r, RowBuffer out, long line) {
    char[] c = r.chars();
    for (int col = 0; col < r.fieldCount(); col++) {
      FieldKind k = r.kind(col);
      if (k == FieldKind.NULL) {
        continue;
      }
      DataType.Kind kind = schema.column(col).type().kind();
      int off = r.start(col);
      int len = r.length(col);
      switch (k) {
        case QUOTED -> columns.parse(c, off, len, out, col, line);
        case BOOLEAN -> {
          if (kind == DataType.Kind.BOOLEAN) {
            out.setBoolean(col, c[off] == 't');
          } else if (kind == DataType.Kind.STRING) {
            out.setString(col, r.text(col));
          } else {
            throw mismatch(col, line, "a boolean");
          }
        }
        case INTEGER, DECIMAL -> {
          switch (kind) {
            case INT32, INT64 -> {
              if (k == FieldKind.DECIMAL) {
                throw mismatch(col, line, "a fractional number " + r.text(col));
              }
              columns.parse(c, off, len, out, col, line);
            }
            case FLOAT32, FLOAT64, DECIMAL, STRING -> columns.parse(c, off, len, out, col, line);
            default -> throw mismatch(col, line, "a number");
          }
        }
        default -> throw mismatch(col, line, "a nested " + (c[off] == '{' ? "object" : "array"));
      }
    }
  }

  private InvalidRowException mismatch(int col, long line, String what) {
    return new InvalidRowException(schema.column(col).name(), line, what + " does not fit type "
        + schema.column(col).type() + " in " + input);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
