package dev.partita.jobs;

import dev.partita.catalog.TableId;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.jobs.source.FileSource;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.testing.Datasets;
import dev.partita.write.WriteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The seattle-weather dataset delivered as monthly CSV files that arrive in batches, and the job that loads them
 * into a Parquet table partitioned by year.
 */
final class Weather {
  static final Schema SCHEMA = Schema.builder().required("date", DataType.date())
      .optional("precipitation", DataType.float64()).optional("temp_max", DataType.float64())
      .optional("temp_min", DataType.float64()).optional("wind", DataType.float64())
      .optional("weather", DataType.string()).build();
  static final String COLUMNS = "date, precipitation, temp_max, temp_min, wind, weather";
  static final String CSV_TYPES = "{'date': 'DATE', 'precipitation': 'DOUBLE', 'temp_max': 'DOUBLE',"
      + " 'temp_min': 'DOUBLE', 'wind': 'DOUBLE', 'weather': 'VARCHAR'}";

  private static String header;
  private static Map<String, List<String>> byMonth;

  private Weather() {}

  static Path csv() {
    return Datasets.file("seattle-weather.csv");
  }

  /** The data lines by month ({@code yyyy-MM}), in file order; 48 months. */
  static synchronized Map<String, List<String>> months() throws IOException {
    if (byMonth == null) {
      List<String> lines = Files.readAllLines(csv(), StandardCharsets.UTF_8);
      header = lines.get(0);
      byMonth = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          byMonth.computeIfAbsent(line.substring(0, 7), k -> new ArrayList<>()).add(line);
        }
      }
    }
    return byMonth;
  }

  static List<String> monthNames() throws IOException {
    return new ArrayList<>(months().keySet());
  }

  /** Delivers months {@code from..to-1} as {@code weather-yyyy-MM.csv} (written hidden, then renamed). */
  static List<Path> deliver(Path landing, int from, int to) throws IOException {
    Files.createDirectories(landing);
    List<Path> out = new ArrayList<>();
    List<String> names = monthNames();
    for (int i = from; i < to; i++) {
      String month = names.get(i);
      Path tmp = landing.resolve(".weather-" + month + ".csv.tmp");
      StringBuilder sb = new StringBuilder(header).append('\n');
      months().get(month).forEach(l -> sb.append(l).append('\n'));
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      Path file = landing.resolve("weather-" + month + ".csv");
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      out.add(file);
    }
    return out;
  }

  /**
   * Delivers months {@code from..to-1} as {@code weather-yyyy-MM.parquet}, written by DuckDB from the dataset
   * (hidden, then renamed).
   */
  static void deliverParquet(Path landing, int from, int to) throws IOException, SQLException {
    Files.createDirectories(landing);
    List<String> names = monthNames();
    for (int i = from; i < to; i++) {
      String month = names.get(i);
      Path tmp = landing.resolve(".weather-" + month + ".parquet.tmp");
      Duck.execute("COPY (SELECT " + COLUMNS + " FROM read_csv(" + Duck.literal(csv().toString()) + ", header = true,"
          + " columns = " + CSV_TYPES + ") WHERE strftime(date, '%Y-%m') = " + Duck.literal(month) + ") TO "
          + Duck.literal(tmp.toString()) + " (FORMAT parquet, CODEC 'zstd')");
      Files.move(tmp, landing.resolve("weather-" + month + ".parquet"), StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** The load job over monthly Parquet files. */
  static IngestJob parquetJob(String name, TableId table, Path landing, Path root) {
    return IngestJob.builder(name, table, root)
        .source(FileSource.parquet("landing", landing, SCHEMA).glob("*.parquet").contentHash(true).build())
        .writeOptions(options()).build();
  }

  /** The rows of months {@code from..to-1}, read by DuckDB from the original dataset. */
  static List<String> expected(int from, int to) throws IOException, SQLException {
    List<String> names = monthNames();
    return Duck.query("SELECT " + COLUMNS + " FROM read_csv(" + Duck.literal(csv().toString()) + ", header = true,"
        + " columns = " + CSV_TYPES + ") WHERE strftime(date, '%Y-%m') >= " + Duck.literal(names.get(from))
        + " AND strftime(date, '%Y-%m') <= " + Duck.literal(names.get(to - 1)));
  }

  static WriteOptions options() {
    return WriteOptions.builder(SCHEMA, ParquetFormat.builder().build())
        .partitionBy(PartitionSpec.builder(SCHEMA).year("date").build()).build();
  }

  /** The load job. */
  static IngestJob job(String name, TableId table, Path landing, Path root, UnaryOperator<FileSource.Builder> tweak) {
    FileSource source = tweak.apply(FileSource.csv("landing", landing, SCHEMA).glob("*.csv")).build();
    return IngestJob.builder(name, table, root).source(source).writeOptions(options()).build();
  }

  static IngestJob job(String name, TableId table, Path landing, Path root) {
    return job(name, table, landing, root, b -> b);
  }
}
