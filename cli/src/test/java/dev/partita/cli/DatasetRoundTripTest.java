package dev.partita.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdOutputStream;
import dev.partita.partition.PartitionField;
import dev.partita.schema.Schema;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared dataset (and JSON derived from them, and a 200,000-row slice of flights-3m as .csv.gz and
 * .csv.zst) written by {@code partita write} with several partition specs, formats and codecs, then read back
 * with an independent reader (DuckDB for Parquet, CSV and JSON; orc-core for ORC) and compared with DuckDB's
 * own reading of the input, row by row as multisets over all columns ({@code EXCEPT ALL} both ways).
 */
class DatasetRoundTripTest {
  static final int FLIGHT_ROWS = 200_000;

  @TempDir
  static Path shared;

  /** One write: the input, the output format and codec, the partition spec, more options. */
  record Case(String input, String format, String codec, String partitionBy, String... extra) {
    @Override
    public String toString() {
      return input + " -> " + format + "/" + codec + " by " + partitionBy + " " + Arrays.toString(extra);
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("airports.csv", "parquet", "snappy", "state"),
        new Case("airports.csv", "orc", "zstd", "country,state"),
        new Case("airports.csv", "csv", "gzip", "state"),
        new Case("airports.csv", "json", "zstd", "c=truncate(1,city)"),
        new Case("birdstrikes.csv", "parquet", "zstd", "y=year(Flight Date),Origin State", "--level", "9"),
        new Case("birdstrikes.csv", "orc", "zlib", "month(flight_date)", "--normalize-names"),
        new Case("birdstrikes.csv", "csv", "none", "bucket(8,Airport Name)", "--max-rows-per-file", "1000"),
        new Case("seattle-weather.csv", "parquet", "gzip", "year(date),month(date)"),
        new Case("seattle-weather.csv", "json", "none", "weather", "--max-open-files", "2", "--no-sync"),
        new Case("seattle-weather.csv", "orc", "lz4", "weather"),
        new Case("flights-200k.csv.gz", "parquet", "lz4_raw", "date(date)"),
        new Case("flights-200k.csv.zst", "orc", "snappy", "origin"),
        new Case("airports.jsonl", "parquet", "snappy", "state"),
        new Case("seattle-weather-array.json", "parquet", "zstd", "year(date)"),
        new Case("birdstrikes.jsonl.gz", "csv", "gzip", "Origin State"));
  }

  @BeforeAll
  static void deriveInputs() throws Exception {
    // The first 200,000 flights, as gzip and as zstd.
    Path gz = shared.resolve("flights-200k.csv.gz");
    Path zst = shared.resolve("flights-200k.csv.zst");
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
            Files.newInputStream(Cli.dataset("flights-3m.csv.gz")), 1 << 16), StandardCharsets.UTF_8));
        BufferedWriter g = writer(new GZIPOutputStream(Files.newOutputStream(gz)));
        BufferedWriter z = writer(new ZstdOutputStream(Files.newOutputStream(zst), 3))) {
      for (int i = 0; i <= FLIGHT_ROWS; i++) {
        String line = r.readLine();
        g.write(line);
        g.write('\n');
        z.write(line);
        z.write('\n');
      }
    }
    // JSON derived from the CSV files by DuckDB: JSON Lines, a top-level array, JSON Lines gzip.
    try (DuckDb db = new DuckDb()) {
      db.execute("COPY (SELECT * FROM read_csv(" + DuckDb.literal(Cli.dataset("airports.csv")) + ")) TO "
          + DuckDb.literal(shared.resolve("airports.jsonl")) + " (FORMAT json)");
      db.execute("COPY (SELECT * FROM read_csv(" + DuckDb.literal(Cli.dataset("seattle-weather.csv")) + ")) TO "
          + DuckDb.literal(shared.resolve("seattle-weather-array.json")) + " (FORMAT json, ARRAY true)");
      db.execute("COPY (SELECT * FROM read_csv(" + DuckDb.literal(Cli.dataset("birdstrikes.csv")) + ")) TO "
          + DuckDb.literal(shared.resolve("birdstrikes.jsonl.gz")) + " (FORMAT json, COMPRESSION gzip)");
    }
  }

  private static BufferedWriter writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  static Path input(String name) {
    Path derived = shared.resolve(name);
    return Files.exists(derived) ? derived : Cli.dataset(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writesAndReadsBackEveryRow(Case c, @TempDir Path tmp) throws Exception {
    Path in = input(c.input());
    Path out = tmp.resolve("table");
    List<Object> args = new ArrayList<>(List.of("write", "--input", in, "--output", out, "--format", c.format(),
        "--codec", c.codec(), "--partition-by", c.partitionBy(), "--json"));
    args.addAll(List.of(c.extra()));
    Cli.Result r = Cli.run(args.toArray());
    assertThat(r.exit()).as(r.toString()).isZero();
    Summary s = Summary.parse(r.out());
    Schema schema = s.schema();

    Set<String> identity = identityColumns(c.partitionBy(), schema);
    try (DuckDb db = new DuckDb()) {
      String expected = in.toString().contains(".json") ? DuckDb.jsonInput(in, schema) : DuckDb.csvInput(in, schema);
      String actual = c.format().equals("orc")
          ? OrcTables.load(db, out, schema, identity, "orc_table")
          : DuckDb.table(out, c.format(), schema, identity);
      long rows = db.assertSameRows(expected, actual);
      assertThat(s.number("rows")).isEqualTo(rows);
      assertThat(rows).isGreaterThan(1000);
    }
    assertThat(s.number("bad_rows")).isZero();
    assertThat(s.text("codec")).isEqualTo(c.codec());
    List<Path> dataFiles = dataFiles(out);
    assertThat(dataFiles).hasSize((int) s.number("files"));
    Set<Path> dirs = new HashSet<>();
    dataFiles.forEach(f -> dirs.add(f.getParent()));
    assertThat(dirs).hasSize((int) s.number("partitions"));
    int depth = c.partitionBy().split(",(?![^(]*\\))").length;
    for (Path f : dataFiles) {
      assertThat(out.relativize(f).getNameCount()).as(f.toString()).isEqualTo(depth + 1);
    }
  }

  /** Columns partitioned by identity: their values live in the paths, not the files. */
  static Set<String> identityColumns(String partitionBy, Schema schema) {
    Set<String> out = new HashSet<>();
    for (PartitionField f : dev.partita.cli.convert.PartitionArgument.parse(partitionBy, schema,
        java.time.ZoneOffset.UTC).fields()) {
      if (f.transform().isIdentity()) {
        out.add(f.sourceColumn());
      }
    }
    return out;
  }

  static List<Path> dataFiles(Path table) throws IOException {
    try (Stream<Path> s = Files.walk(table)) {
      return s.filter(Files::isRegularFile).filter(p -> {
        for (Path seg : table.relativize(p)) {
          if (seg.toString().startsWith("_") || seg.toString().startsWith(".")) {
            return false;
          }
        }
        return true;
      }).sorted().toList();
    }
  }
}
