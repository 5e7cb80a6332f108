package dev.partita.format.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.format.text.read.Compression;
import dev.partita.format.text.read.CsvOptions;
import dev.partita.format.text.read.CsvReader;
import dev.partita.format.text.read.JsonOptions;
import dev.partita.format.text.read.JsonReader;
import dev.partita.format.text.read.RecordReader;
import dev.partita.format.text.read.TextRecord;
import dev.partita.format.text.read.TextRecord.FieldKind;
import dev.partita.format.text.read.TextValues;
import dev.partita.format.text.read.ValueException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input readers on the real datasets, against DuckDB: every CSV record (and the same rows as JSON Lines and
 * JSON arrays that DuckDB writes, plain, gzip and zstd) reads to the values DuckDB reads.
 */
class ReadersDatasetTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"airports.csv", "birdstrikes.csv", "seattle-weather.csv"})
  void csvRecordsAreTheFieldsDuckDbReads(String name) throws IOException {
    Path csv = TextFiles.datasets().resolve(name);
    List<List<String>> duck = strings(DuckDb.query("SELECT * FROM read_csv(" + DuckDb.lit(csv)
        + ", header = true, all_varchar = true, quote = '\"', escape = '\"')"));
    for (String suffix : new String[] {"", ".gz", ".zst"}) {
      Path file = csv;
      if (!suffix.isEmpty()) {
        file = dir.resolve(name + suffix);
        DuckDb.execute("COPY (SELECT * FROM read_csv(" + DuckDb.lit(csv) + ", header = true, all_varchar = true))"
            + " TO " + DuckDb.lit(file) + " (HEADER, COMPRESSION '" + (suffix.equals(".gz") ? "gzip" : "zstd")
            + "')");
      }
      List<List<String>> ours = new ArrayList<>();
      try (CsvReader r = new CsvReader(file.toString(), open(file), CsvOptions.DEFAULT)) {
        Optional<List<String>> header = r.readHeader();
        assertThat(header).isPresent();
        while (r.next()) {
          TextRecord rec = r.record();
          assertThat(rec.hasProblem()).as("%s line %d: %s", file, rec.line(), rec.problem()).isFalse();
          List<String> row = new ArrayList<>();
          for (int i = 0; i < rec.fieldCount(); i++) {
            row.add(rec.isNull(i, "") ? null : rec.text(i));
          }
          ours.add(row);
        }
      }
      assertThat(ours).as(file.toString()).hasSize(duck.size()).isEqualTo(duck);
    }
  }

  /** airports as DuckDB writes it in JSON: lines and an array, plain and compressed; numbers parse exactly. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lines.json", "lines.json.gz", "array.json", "array.json.zst"})
  void jsonRecordsAreTheValuesDuckDbReads(String variant) throws IOException, ValueException {
    Path csv = TextFiles.datasets().resolve("airports.csv");
    String source = "read_csv(" + DuckDb.lit(csv) + ", header = true, quote = '\"', escape = '\"', columns = "
        + "{'iata': 'VARCHAR', 'name': 'VARCHAR', 'city': 'VARCHAR', 'state': 'VARCHAR', 'country': 'VARCHAR',"
        + " 'latitude': 'DOUBLE', 'longitude': 'DOUBLE'})";
    Path file = dir.resolve(variant);
    String compression = variant.endsWith(".gz") ? "gzip" : variant.endsWith(".zst") ? "zstd" : "none";
    DuckDb.execute("COPY (SELECT * FROM " + source + ") TO " + DuckDb.lit(file) + " (FORMAT JSON, ARRAY "
        + variant.startsWith("array") + ", COMPRESSION '" + compression + "')");
    List<Object[]> duck = DuckDb.query("SELECT * FROM " + source);
    List<String> keys = List.of("iata", "name", "city", "state", "country", "latitude", "longitude");
    JsonOptions options = JsonOptions.builder().keys(keys).unknownKeys(JsonOptions.UnknownKeys.IGNORE)
        .layout(variant.startsWith("lines") ? JsonOptions.Layout.LINES : JsonOptions.Layout.ANY).build();
    List<Object[]> ours = new ArrayList<>();
    try (RecordReader r = new JsonReader(file.toString(), open(file), options)) {
      while (r.next()) {
        TextRecord rec = r.record();
        assertThat(rec.hasProblem()).as("line %d: %s", rec.line(), rec.problem()).isFalse();
        Object[] row = new Object[keys.size()];
        for (int i = 0; i < row.length; i++) {
          if (rec.kind(i) == FieldKind.NULL) {
            continue;
          }
          row[i] = i < 5 ? rec.text(i) : TextValues.parseDouble(rec.chars(), rec.start(i), rec.length(i));
        }
        ours.add(row);
      }
    }
    assertThat(ours).hasSize(3376);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(ours.get(i)).as("record %d", i + 1).containsExactly(duck.get(i));
    }
  }

  private static InputStream open(Path file) throws IOException {
    return Compression.fromFileName(file.getFileName().toString()).decompress(Files.newInputStream(file));
  }

  private static List<List<String>> strings(List<Object[]> rows) {
    List<List<String>> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(Arrays.asList(Arrays.copyOf(r, r.length, String[].class)));
    }
    return out;
  }
}
