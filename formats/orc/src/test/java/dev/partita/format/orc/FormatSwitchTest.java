package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.format.FileFormat;
import dev.partita.format.FileFormats;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.table.Table;
import dev.partita.testing.Datasets;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One switch of the format option turns a partitioned Parquet table into the same partitioned ORC table: the
 * same directories, and identical rows (Parquet read by DuckDB, ORC by orc-core).
 */
class FormatSwitchTest {
  @TempDir Path dir;

  @Test
  void airportsByStateAsParquetAndAsOrcHoldIdenticalRows() throws Exception {
    Schema schema = Schema.builder().required("iata", DataType.string()).optional("name", DataType.string())
        .optional("city", DataType.string()).optional("state", DataType.string())
        .optional("country", DataType.string()).optional("latitude", DataType.float64())
        .optional("longitude", DataType.float64()).build();
    List<Object[]> rows = new ArrayList<>();
    List<String[]> csv = Datasets.readCsv(Datasets.file("airports.csv"));
    for (String[] r : csv.subList(1, csv.size())) {
      rows.add(new Object[] {r[0], r[1], r[2], r[3].isEmpty() ? null : r[3], r[4], Double.valueOf(r[5]),
          Double.valueOf(r[6])});
    }
    PartitionSpec spec = PartitionSpec.builder(schema).identity("state").build();
    for (String format : new String[] {"parquet", "orc"}) {
      FileFormat f = FileFormats.byName(format, Map.of("codec", "snappy"));
      ObjectArrayRow row = new ObjectArrayRow(schema);
      try (PartitionedWriter w = Table.open(dir.resolve(format))
          .newWriter(WriteOptions.builder(schema, f).partitionBy(spec).build())) {
        for (Object[] r : rows) {
          w.write(row.wrap(r));
        }
        w.commit();
      }
    }
    assertThat(directories(dir.resolve("orc"))).containsExactlyElementsOf(directories(dir.resolve("parquet")))
        .hasSize(rows.stream().map(r -> String.valueOf(r[3])).distinct().toList().size());

    List<String> fromParquet = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT iata, name, city, state, country, latitude, longitude FROM"
            + " read_parquet('" + dir.resolve("parquet") + "/**/*.parquet', hive_partitioning = true,"
            + " hive_types_autocast = false)")) {
      while (rs.next()) {
        fromParquet.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
            String.valueOf(rs.getString(4)), rs.getString(5), Double.toString(rs.getDouble(6)),
            Double.toString(rs.getDouble(7))));
      }
    }
    List<String> fromOrc = new ArrayList<>();
    Schema dataSchema = spec.dataSchema();
    try (Stream<Path> files = Files.walk(dir.resolve("orc"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".orc")).toList()) {
        String folder = file.getParent().getFileName().toString();
        String state = folder.substring("state=".length());
        for (Object[] d : OrcReadBack.readAll(file, dataSchema)) {
          fromOrc.add(String.join("|", (String) d[0], (String) d[1], (String) d[2],
              state.equals("__HIVE_DEFAULT_PARTITION__") ? "null" : state, (String) d[3], d[4].toString(),
              d[5].toString()));
        }
      }
    }
    assertThat(fromParquet).hasSize(rows.size());
    assertThat(fromOrc).containsExactlyInAnyOrderElementsOf(fromParquet);
  }

  private static List<String> directories(Path root) throws Exception {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).sorted().toList();
    }
  }
}
