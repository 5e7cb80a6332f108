package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatWriter;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import dev.partita.commit.CommitResult;
import dev.partita.partition.PartitionSpec;
import dev.partita.table.Table;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteOptions;
import java.time.LocalDate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real data: the 3,000,000 flights of {@code flights-3m.csv.gz} written into one snappy and one zstd Parquet file in
 * a single pass; DuckDB reads back every row and the same sums of {@code delay} and {@code distance} as the test
 * computes from the CSV, and the same date range as the writer's file metrics state.
 */
class FlightsDatasetTest {
  private static final int EXPECTED_ROWS = 3_000_000;
  private static final Schema SCHEMA = Schema.builder()
      .required("date", DataType.timestamp())
      .required("delay", DataType.int32())
      .required("distance", DataType.int32())
      .required("origin", DataType.string())
      .required("destination", DataType.string())
      .build();

  @TempDir
  Path dir;

  static Path datasets() {
    String configured = System.getProperty("partita.datasets");
    Path p = configured != null ? Path.of(configured) : Path.of("../shared/datasets");
    if (!Files.isDirectory(p)) {
      // Tests run in formats/parquet; the repository root is two levels up.
      p = Path.of("../../../shared/datasets");
    }
    return p;
  }

  @Test
  void threeMillionFlightsWithSnappyAndZstd() throws Exception {
    Path csv = datasets().resolve("flights-3m.csv.gz");
    assertThat(csv).exists();
    Path snappyFile = dir.resolve("flights.snappy.parquet");
    Path zstdFile = dir.resolve("flights.zstd.parquet");
    FormatWriter snappy = ParquetFormat.builder().codec(CompressionCodecs.byName("snappy")).build()
        .open(SCHEMA, LocalStorage.instance().create(snappyFile.toString()));
    FormatWriter zstd = ParquetFormat.builder().codec(CompressionCodecs.byName("zstd")).build()
        .open(SCHEMA, LocalStorage.instance().create(zstdFile.toString()));

    ArrayRow row = new ArrayRow(5);
    long rows = 0;
    long delaySum = 0;
    long distanceSum = 0;
    long minDate = Long.MAX_VALUE;
    long maxDate = Long.MIN_VALUE;
    long start = System.nanoTime();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(csv), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      String header = in.readLine();
      assertThat(header).isEqualTo("date,delay,distance,origin,destination");
      String line;
      while ((line = in.readLine()) != null) {
        parse(line, row);
        snappy.write(row);
        zstd.write(row);
        rows++;
        delaySum += row.getInt(1);
        distanceSum += row.getInt(2);
        minDate = Math.min(minDate, row.getLong(0));
        maxDate = Math.max(maxDate, row.getLong(0));
      }
    }
    FileMetrics snappyMetrics = snappy.finish();
    FileMetrics zstdMetrics = zstd.finish();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("flights: %,d rows parsed and written twice in %.1f s; snappy %,d bytes, zstd %,d bytes%n",
        rows, seconds, snappyMetrics.bytes(), zstdMetrics.bytes());

    assertThat(rows).isEqualTo(EXPECTED_ROWS);
    for (FileMetrics m : new FileMetrics[] {snappyMetrics, zstdMetrics}) {
      assertThat(m.rows()).isEqualTo(EXPECTED_ROWS);
      assertThat(m.columns().get(0).min()).contains(minDate);
      assertThat(m.columns().get(0).max()).contains(maxDate);
    }
    for (Path file : new Path[] {snappyFile, zstdFile}) {
      try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*), sum(delay), sum(distance), epoch_us(min(date)),"
              + " epoch_us(max(date)), count(DISTINCT origin) FROM " + Readers.readParquet(file))) {
        rs.next();
        assertThat(rs.getLong(1)).as("rows of %s", file).isEqualTo(EXPECTED_ROWS);
        assertThat(rs.getBigDecimal(2)).as("sum(delay) of %s", file).isEqualByComparingTo(BigDecimal.valueOf(delaySum));
        assertThat(rs.getBigDecimal(3)).as("sum(distance) of %s", file)
            .isEqualByComparingTo(BigDecimal.valueOf(distanceSum));
        assertThat(rs.getLong(4)).isEqualTo(minDate);
        assertThat(rs.getLong(5)).isEqualTo(maxDate);
        assertThat(rs.getLong(6)).isGreaterThan(200);
      }
      try (ParquetFileReader reader = Readers.openParquetJava(file)) {
        assertThat(reader.getRecordCount()).isEqualTo(EXPECTED_ROWS);
      }
    }
  }

  /**
   * The same rows through the core's partitioned writer, by {@code date(date)} (182 day partitions), with snappy
   * and zstd: DuckDB reads the hive-partitioned tables back with the partition column typed as DATE, every row,
   * and the same sums per day as computed from the CSV.
   */
  @Test
  void threeMillionFlightsPartitionedByDay() throws Exception {
    Path csv = datasets().resolve("flights-3m.csv.gz");
    PartitionSpec spec = PartitionSpec.builder(SCHEMA).date("date").build();
    Map<String, PartitionedWriter> writers = new LinkedHashMap<>();
    for (String codec : new String[] {"snappy", "zstd"}) {
      writers.put(codec, Table.open(dir.resolve(codec)).newWriter(WriteOptions.builder(SCHEMA,
          ParquetFormat.builder().codec(CompressionCodecs.byName(codec)).build()).partitionBy(spec).build()));
    }
    ArrayRow row = new ArrayRow(5);
    long rows = 0;
    Map<LocalDate, long[]> perDay = new TreeMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(csv), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        parse(line, row);
        for (PartitionedWriter w : writers.values()) {
          w.write(row);
        }
        rows++;
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(row.getLong(0), 86_400_000_000L));
        long[] sums = perDay.computeIfAbsent(day, d -> new long[3]);
        sums[0]++;
        sums[1] += row.getInt(1);
        sums[2] += row.getInt(2);
      }
    }
    assertThat(rows).isEqualTo(EXPECTED_ROWS);
    assertThat(perDay).hasSize(182);
    for (Map.Entry<String, PartitionedWriter> e : writers.entrySet()) {
      CommitResult result = e.getValue().commit();
      e.getValue().close();
      assertThat(result.totalRows()).isEqualTo(EXPECTED_ROWS);
      assertThat(result.files()).hasSize(182)
          .allMatch(f -> f.path().matches("date_date=2001-0[1-7]-\\d\\d/part-.*\\." + e.getKey() + "\\.parquet"));
      Path root = dir.resolve(e.getKey());
      String glob = root.toString().replace("'", "''") + "/**/*.parquet";
      try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT typeof(date_date), count(*) FROM read_parquet('" + glob
            + "', hive_partitioning = true) GROUP BY 1")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("DATE");
          assertThat(rs.getLong(2)).isEqualTo(EXPECTED_ROWS);
          assertThat(rs.next()).isFalse();
        }
        Map<LocalDate, long[]> back = new TreeMap<>();
        try (ResultSet rs = st.executeQuery("SELECT date_date, count(*), sum(delay), sum(distance),"
            + " count(*) FILTER (WHERE CAST(date AS DATE) <> date_date) FROM read_parquet('" + glob
            + "', hive_partitioning = true) GROUP BY 1")) {
          while (rs.next()) {
            assertThat(rs.getLong(5)).as("rows in the wrong day folder").isZero();
            back.put(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
          }
        }
        assertThat(back.keySet()).containsExactlyElementsOf(perDay.keySet());
        back.forEach((d, v) -> assertThat(v).as("day %s", d).containsExactly(perDay.get(d)));
      }
    }
  }

  /** Fills {@code row} from one CSV line {@code date,delay,distance,origin,destination}, numbers without boxing. */
  private static void parse(String line, ArrayRow row) {
    int a = line.indexOf(',');
    int b = line.indexOf(',', a + 1);
    int c = line.indexOf(',', b + 1);
    int d = line.indexOf(',', c + 1);
    row.setLong(0, micros(line, a));
    row.setInt(1, Integer.parseInt(line, a + 1, b, 10));
    row.setInt(2, Integer.parseInt(line, b + 1, c, 10));
    row.setString(3, line.substring(c + 1, d));
    row.setString(4, line.substring(d + 1));
  }

  /** {@code yyyy-MM-dd HH:mm:ss} as microseconds since the epoch, read as UTC (a local date-time). */
  private static long micros(String s, int end) {
    LocalDateTime t = LocalDateTime.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
        Integer.parseInt(s, 8, 10, 10), Integer.parseInt(s, 11, 13, 10), Integer.parseInt(s, 14, 16, 10),
        end > 16 ? Integer.parseInt(s, 17, 19, 10) : 0);
    return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
  }
}
