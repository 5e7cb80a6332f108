package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.format.parquet.read.ParquetReadException;
import dev.partita.format.parquet.read.ParquetReadOptions;
import dev.partita.format.parquet.read.ParquetRowReader;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Partita's reader over files DuckDB writes ({@code COPY ... TO (FORMAT parquet, CODEC ..., PARQUET_VERSION ...)}):
 * signed and unsigned integers, floats, decimals on INT32, INT64 and FIXED_LEN_BYTE_ARRAY, strings with non-ASCII
 * text, blobs, dates, times, timestamps in millis, micros and nanos, timestamps with time zone, booleans, nulls,
 * several row groups; every value is compared with what DuckDB reads from the same file.
 */
class DuckDbWrittenFilesTest {
  private static final int ROWS = 5000;
  /** Rows of many types; values vary with i, about a sixth of the nullable columns are null. */
  static final String ROWS_SQL = "SELECT i AS id,"
      + " CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 250 - 125)::TINYINT END AS t8,"
      + " (i * 31 % 60000 - 30000)::SMALLINT AS s16,"
      + " (i * 2654435761 % 4294967295 - 2147483647)::INTEGER AS i32,"
      + " i * 1000003 - 5000000000 AS i64,"
      + " (i % 256)::UTINYINT AS u8, (i * 13 % 65536)::USMALLINT AS u16,"
      + " (i * 3000017 % 4294967295)::UINTEGER AS u32, (18446744073709551615 - i * 7)::UBIGINT AS u64,"
      + " CASE WHEN i % 6 = 1 THEN NULL ELSE (i / 3.0 - 700)::FLOAT END AS f32,"
      + " (i / 7.0 - 300)::DOUBLE AS f64,"
      + " (i % 10000 / 100.0 - 50)::DECIMAL(4,2) AS d4,"
      + " CASE WHEN i % 6 = 2 THEN NULL ELSE (i * 12345.678 - 1000000)::DECIMAL(15,3) END AS d15,"
      + " (i * 1234567890123.45678 - 3000000000000000)::DECIMAL(30,5) AS d30,"
      + " CASE WHEN i % 5 = 0 THEN NULL WHEN i % 11 = 0 THEN '' ELSE 'row ' || i || ' é中😀 ' || repeat('x', i % 40)"
      + " END AS s,"
      + " CASE WHEN i % 6 = 3 THEN NULL ELSE encode('b' || (i % 97)) END AS bin,"
      + " DATE '1970-01-01' + (i * 37 % 40000 - 20000)::INTEGER AS d,"
      + " TIME '00:00:00' + INTERVAL (i * 1234567 % 86400000000) MICROSECOND AS tm,"
      + " CASE WHEN i % 6 = 4 THEN NULL ELSE TIMESTAMP '1930-01-01' + INTERVAL (i * 7919123457) MICROSECOND END"
      + " AS ts,"
      + " (TIMESTAMP '2001-01-01' + INTERVAL (i * 7919) SECOND)::TIMESTAMP_MS AS ts_ms,"
      + " make_timestamp_ns(1000000000000000000 + i * 987654321987) AS ts_ns,"
      + " (TIMESTAMP '1999-12-31 23:00:00' + INTERVAL (i * 3333) SECOND)::TIMESTAMPTZ AS tstz,"
      + " CASE WHEN i % 6 = 5 THEN NULL ELSE i % 3 = 0 END AS b"
      + " FROM range(" + ROWS + ") t(i)";

  @TempDir
  Path dir;

  static Stream<Arguments> variants() {
    return Stream.of("uncompressed", "snappy", "gzip", "zstd", "lz4")
        .flatMap(codec -> Stream.of(Arguments.of(codec, "V1"), Arguments.of(codec, "V2")));
  }

  static void duck(String sql) throws Exception {
    try (Connection c = Readers.duckDb(); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute(sql);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variants")
  void readsWhatDuckDbWroteAsDuckDbReadsIt(String codec, String version) throws Exception {
    Path file = dir.resolve("duck-" + codec + "-" + version + ".parquet");
    duck("COPY (" + ROWS_SQL + ") TO '" + file + "' (FORMAT parquet, CODEC '" + codec + "', ROW_GROUP_SIZE 1024,"
        + " PARQUET_VERSION " + version + ")");
    Schema schema = PartitaReads.schema(file);
    assertThat(schema.columns().stream().map(c -> c.name() + " " + c.type()).toList()).containsExactly(
        "id int64", "t8 int8", "s16 int16", "i32 int32", "i64 int64", "u8 int16", "u16 int32", "u32 int64",
        "u64 decimal(20,0)", "f32 float", "f64 double", "d4 decimal(4,2)", "d15 decimal(15,3)",
        "d30 decimal(30,5)", "s string", "bin binary", "d date", "tm time", "ts timestamp", "ts_ms timestamp",
        "ts_ns timestamp", "tstz timestamptz", "b boolean");
    List<Object[]> read = PartitaReads.read(file);
    try (ParquetRowReader reader = ParquetRowReader.open(file)) {
      assertThat(reader.footer().rowGroups()).isGreaterThanOrEqualTo(3);
      assertThat(reader.footer().codecs()).containsExactly(codec.equals("lz4") ? "lz4_raw" : codec);
    }
    // DuckDB rounds nanoseconds to microseconds; Partita floors them, as its footer statistics do.
    int nanos = schema.require("ts_ns");
    List<String> others = schema.columns().stream().map(c -> c.name()).filter(n -> !n.equals("ts_ns")).toList();
    Schema withoutNanos = schema.without(List.of("ts_ns"));
    Readers.assertRows("partita vs duckdb", withoutNanos, Readers.readWithDuckDb(file, withoutNanos),
        PartitaReads.read(file, ParquetReadOptions.builder().columns(others).build()));
    List<Long> epochNanos = new ArrayList<>();
    try (Connection c = Readers.duckDb(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT epoch_ns(ts_ns) FROM " + Readers.readParquet(file))) {
      while (r.next()) {
        epochNanos.add(r.getLong(1));
      }
    }
    assertThat(epochNanos).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(read.get(i)[nanos]).as("ts_ns of row %d", i).isEqualTo(Math.floorDiv(epochNanos.get(i), 1000L));
    }
    assertThat(read.stream().filter(r -> r[1] == null).count()).isEqualTo((ROWS + 6) / 7);
  }

  @Test
  void anUnsupportedCodecFailsNamingFileColumnAndWhatToDo() throws Exception {
    Path file = dir.resolve("brotli.parquet");
    duck("COPY (SELECT i AS n FROM range(10) t(i)) TO '" + file + "' (FORMAT parquet, CODEC 'brotli')");
    assertThatThrownBy(() -> PartitaReads.read(file)).isInstanceOf(ParquetReadException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("column 'n'").hasMessageContaining("BROTLI")
        .hasMessageContaining("rewrite the file with zstd, snappy, lz4_raw, gzip or none");
  }

  @Test
  void nestedColumnsFailUnlessLeftOut() throws Exception {
    Path file = dir.resolve("nested.parquet");
    duck("COPY (SELECT i AS a, [i, i + 1] AS tags, {'x': i, 'y': 'v' || i} AS point, 'k' || i AS b"
        + " FROM range(300) t(i)) TO '" + file + "' (FORMAT parquet)");
    assertThatThrownBy(() -> PartitaReads.read(file)).isInstanceOf(ParquetReadException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("column 'tags'")
        .hasMessageContaining("nested list").hasMessageContaining("read the other columns");
    List<Object[]> read = PartitaReads.read(file, ParquetReadOptions.builder().columns(List.of("b", "a")).build());
    Schema flat = Schema.builder().optional("b", DataType.string()).optional("a", DataType.int64()).build();
    Readers.assertRows("partita vs duckdb", flat, Readers.readWithDuckDb(file, flat), read);
    assertThatThrownBy(() -> PartitaReads.read(file, ParquetReadOptions.builder().columns(List.of("a", "point"))
        .build())).hasMessageContaining("column 'point'").hasMessageContaining("nested struct");
  }
}
