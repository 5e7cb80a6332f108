package dev.partita.cli.run;

import dev.partita.cli.convert.ColumnNames;
import dev.partita.cli.input.ByteMeter;
import dev.partita.cli.input.InputException;
import dev.partita.cli.input.InputFile;
import dev.partita.cli.input.InputFormat;
import dev.partita.format.text.read.CsvOptions;
import dev.partita.format.text.read.CsvReader;
import dev.partita.format.text.read.JsonOptions;
import dev.partita.format.text.read.JsonReader;
import dev.partita.format.text.read.RecordReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One open input file and the mapping of its fields to the table's columns: by header name for CSV, by key for
 * JSON (as keys appear), by position for CSV without a header. While the schema is being inferred the column
 * list grows with every new name; afterwards a name that is not a column maps to -1 (CSV: an error at open;
 * JSON: a bad record when the key holds a value).
 */
final class SourceFile implements Closeable {
  private final InputFile file;
  private final RecordReader reader;
  private final List<String> columns;
  private final boolean grow;
  private final boolean normalize;
  private final boolean json;
  private final boolean positional;
  private int[] mapping = new int[0];
  private boolean any;

  private SourceFile(InputFile file, RecordReader reader, List<String> columns, boolean grow, boolean normalize,
      boolean positional) {
    this.file = file;
    this.reader = reader;
    this.columns = columns;
    this.grow = grow;
    this.normalize = normalize;
    this.json = file.format() == InputFormat.JSON;
    this.positional = positional;
  }

  /**
   * Opens {@code file} for columns {@code columns}.
   *
   * @param grow whether new names are added to {@code columns} (schema inference) or must already be there
   */
  static SourceFile open(InputFile file, CsvOptions csv, ByteMeter meter, List<String> columns, boolean grow,
      boolean normalize) throws IOException {
    InputStream in = file.open(meter);
    try {
      if (file.format() == InputFormat.JSON) {
        return new SourceFile(file, new JsonReader(file.name(), in, JsonOptions.DEFAULT), columns, grow,
            normalize, false);
      }
      CsvReader r = new CsvReader(file.name(), in, csv);
      SourceFile s = new SourceFile(file, r, columns, grow, normalize, !csv.header());
      if (csv.header()) {
        s.mapHeader(r.readHeader().orElseThrow(() -> new InputException(file.name() + " is empty: expected a header"
            + " line naming the columns (or pass --no-header and --schema)")));
      } else if (!grow) {
        r.expectFields(columns.size());
        s.mapping = new int[columns.size()];
        Arrays.setAll(s.mapping, i -> i);
      }
      return s;
    } catch (IOException | RuntimeException e) {
      try {
        in.close();
      } catch (IOException c) {
        e.addSuppressed(c);
      }
      throw e;
    }
  }

  private void mapHeader(List<String> header) {
    List<String> names = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      names.add(h.isEmpty() ? "column_" + (i + 1) : h);
    }
    if (normalize) {
      names = ColumnNames.normalize(names);
    }
    mapping = new int[names.size()];
    Set<String> seen = new HashSet<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (!seen.add(n)) {
        throw new InputException(file.name() + ", line 1: the header names column '" + n + "' twice"
            + (normalize ? " (after --normalize-names)" : "") + "; column names must be unique");
      }
      int at = columns.indexOf(n);
      if (at < 0 && grow) {
        columns.add(n);
        at = columns.size() - 1;
      }
      if (at < 0) {
        unknown.add(n);
      }
      mapping[i] = at;
    }
    if (!unknown.isEmpty()) {
      throw new InputException(file.name() + ", line 1: header column(s) " + unknown + " are not columns of the"
          + " table " + columns + "; pass --schema naming them, or a larger --sample-rows if the schema was"
          + " inferred from the first files only");
    }
  }

  /** The reader. */
  RecordReader reader() {
    return reader;
  }

  /** The input file. */
  InputFile file() {
    return file;
  }

  /**
   * Moves to the next record; fails on an input that holds nothing at all.
   *
   * @return false at the end
   */
  boolean next() throws IOException {
    boolean more = reader.next();
    if (more) {
      any = true;
    } else if (!any && reader.wasEmpty()) {
      throw new InputException(file.name() + " is empty: " + (json ? "expected JSON objects, one per line, or an"
          + " array of them" : "it holds no records"));
    }
    return more;
  }

  /** Column of each field of the current record (-1: not a column). */
  int[] mapping() {
    if (json) {
      List<String> keys = reader.fieldNames();
      if (keys.size() > mapping.length) {
        int old = mapping.length;
        mapping = Arrays.copyOf(mapping, keys.size());
        for (int i = old; i < keys.size(); i++) {
          String n = normalize ? ColumnNames.normalize(List.of(keys.get(i))).get(0) : keys.get(i);
          int at = columns.indexOf(n);
          if (at < 0 && grow) {
            columns.add(n);
            at = columns.size() - 1;
          }
          mapping[i] = at;
        }
      }
    } else if (positional && grow) {
      int n = reader.record().fieldCount();
      while (columns.size() < n) {
        columns.add("column" + (columns.size() + 1));
      }
      if (mapping.length < n) {
        int old = mapping.length;
        mapping = Arrays.copyOf(mapping, n);
        for (int i = old; i < n; i++) {
          mapping[i] = i;
        }
      }
    }
    return mapping;
  }

  /** The key of field {@code i} as written in the input. */
  String fieldName(int i) {
    List<String> names = reader.fieldNames();
    return i < names.size() ? names.get(i) : i < columns.size() ? columns.get(i) : "";
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
