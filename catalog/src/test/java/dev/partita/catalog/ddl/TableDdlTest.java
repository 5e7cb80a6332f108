package dev.partita.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogPartition;
import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.TableId;
import dev.partita.catalog.commit.CatalogCommitHook;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.partition.PartitionPaths;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.table.Table;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported DDL: the DuckDB view runs and reads the table; Hive and Trino statements carry every partition. */
class TableDdlTest {
  static final Schema SCHEMA = Schema.builder().required("id", DataType.int64())
      .optional("region", DataType.string()).required("day", DataType.date())
      .optional("it's \"v\"", DataType.float64()).build();
  static final String[] REGIONS = {"eu", "us east", "it's; 100%", "Zürich", null};
  static final int ROWS = 1000;

  @TempDir Path tmp;
  Catalog catalog;
  TableId id = TableId.of("ddl", "my table");
  Map<String, Long> perRegion = new HashMap<>();
  Map<LocalDate, Long> perDay = new HashMap<>();

  @BeforeEach
  void write() throws Exception {
    catalog = Catalogs.openSqlite(tmp.resolve("c.db"));
    Table table = CatalogCommitHook.openTable(catalog, id, tmp.resolve("data"));
    PartitionSpec spec = PartitionSpec.builder(SCHEMA).identity("region").identity("day").build();
    try (PartitionedWriter w = table.newWriter(WriteOptions.builder(SCHEMA, ParquetFormat.builder()
        .codec(dev.partita.codec.CompressionCodecs.byName("gzip")).build()).partitionBy(spec).build())) {
      ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
      for (long i = 0; i < ROWS; i++) {
        String region = REGIONS[(int) (i % REGIONS.length)];
        LocalDate day = LocalDate.of(2024, 2, 27).plusDays(i % 4);
        w.write(row.wrap(new Object[] {i, region, day, i / 2.0}));
        perRegion.merge(String.valueOf(region), 1L, Long::sum);
        perDay.merge(day, 1L, Long::sum);
      }
      w.commit();
    }
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    catalog.close();
  }

  @Test
  void duckDbViewReadsTheCatalogsFiles() throws Exception {
    CatalogTable t = catalog.tables().find(id).orElseThrow();
    String view = TableDdl.duckDbView(t, catalog.partitions().files(id, PartitionFilter.all()), "my view");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(view);
      assertThat(count(s, "SELECT count(*) FROM \"my view\"")).isEqualTo(ROWS);
      assertThat(count(s, "SELECT sum(id) FROM \"my view\"")).isEqualTo((long) ROWS * (ROWS - 1) / 2);
      for (Map.Entry<LocalDate, Long> e : perDay.entrySet()) {
        // day is typed DATE by hive_types: a date comparison works.
        assertThat(count(s, "SELECT count(*) FROM \"my view\" WHERE day = DATE '" + e.getKey() + "'"))
            .isEqualTo(e.getValue());
      }
      assertThat(count(s, "SELECT count(*) FROM \"my view\" WHERE \"it's \"\"v\"\"\" >= 0")).isEqualTo(ROWS);
      Map<String, Long> regions = new HashMap<>();
      try (ResultSet r = s.executeQuery("SELECT region, count(*) FROM \"my view\" GROUP BY region")) {
        while (r.next()) {
          regions.put(String.valueOf(r.getString(1)), r.getLong(2));
        }
      }
      assertThat(regions).isEqualTo(perRegion);
      // The view over only the files of one pruned partition set reads exactly those rows.
      String pruned = TableDdl.duckDbView(t, catalog.partitions().files(id,
          PartitionFilter.eq("day", LocalDate.of(2024, 2, 29))), "leap");
      s.execute(pruned);
      assertThat(count(s, "SELECT count(*) FROM leap")).isEqualTo(perDay.get(LocalDate.of(2024, 2, 29)));
      assertThat(count(s, "SELECT count(*) FROM leap WHERE day <> DATE '2024-02-29'")).isZero();
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Hive string literals of a text, unescaped. */
  static List<String> hiveLiterals(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'").matcher(text);
    while (m.find()) {
      String raw = m.group(1);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < raw.length(); i++) {
        char ch = raw.charAt(i);
        if (ch != '\\') {
          sb.append(ch);
          continue;
        }
        char n = raw.charAt(++i);
        if (Character.isDigit(n)) {
          sb.append((char) Integer.parseInt(raw.substring(i, i + 3), 8));
          i += 2;
        } else {
          sb.append(switch (n) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> n;
          });
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void hiveDdlListsEveryPartitionWithItsValuesAndLocation() {
    CatalogTable t = catalog.tables().find(id).orElseThrow();
    List<CatalogPartition> partitions = catalog.partitions().list(id, PartitionFilter.all());
    String ddl = TableDdl.hive(t, partitions);
    assertThat(ddl).startsWith("CREATE EXTERNAL TABLE IF NOT EXISTS `ddl`.`my table` (\n")
        .contains("  `id` BIGINT,\n", "  `it's \"v\"` DOUBLE\n", "PARTITIONED BY (`region` STRING, `day` DATE)\n",
            "STORED AS PARQUET\n", "ALTER TABLE `ddl`.`my table` ADD IF NOT EXISTS\n");
    // No statement separator inside literals: the text splits into exactly two statements.
    assertThat(ddl.split(";\n")).hasSize(2);
    String[] clauses = ddl.substring(ddl.indexOf("ADD IF NOT EXISTS")).split("\n  PARTITION ");
    assertThat(clauses).hasSize(partitions.size() + 1);
    TreeSet<String> seen = new TreeSet<>();
    for (int i = 1; i < clauses.length; i++) {
      List<String> literals = hiveLiterals(clauses[i]);
      assertThat(literals).hasSize(3);
      CatalogPartition p = partitions.get(i - 1);
      Map<String, String> expected = new LinkedHashMap<>(p.values());
      expected.replaceAll((k, v) -> v == null ? PartitionPaths.DEFAULT_PARTITION_NAME : v);
      assertThat(literals.subList(0, 2)).containsExactlyElementsOf(expected.values());
      assertThat(Path.of(java.net.URI.create(literals.get(2)))).isEqualTo(Path.of(p.location()));
      seen.add(literals.get(0));
    }
    List<String> regions = new ArrayList<>();
    for (String r : REGIONS) {
      regions.add(r == null ? PartitionPaths.DEFAULT_PARTITION_NAME : r);
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(regions);
  }

  @Test
  void trinoRegistersEveryPartition() {
    CatalogTable t = catalog.tables().find(id).orElseThrow();
    List<CatalogPartition> partitions = catalog.partitions().list(id, PartitionFilter.all());
    String sql = TableDdl.trino(t, partitions, "hive");
    assertThat(sql).startsWith("CREATE TABLE IF NOT EXISTS \"hive\".\"ddl\".\"my table\" (\n")
        .contains("  \"region\" VARCHAR,\n  \"day\" DATE\n)", "partitioned_by = ARRAY['region', 'day']",
            "format = 'PARQUET'");
    List<String> calls = sql.lines().filter(l -> l.startsWith("CALL \"hive\".system.register_partition(")).toList();
    assertThat(calls).hasSize(partitions.size());
    assertThat(calls).anySatisfy(l -> assertThat(l).contains("ARRAY['it''s; 100%', '2024-02-27']"));
  }

  @Test
  void orcTablesHaveNoDuckDbView() {
    CatalogTable t = catalog.tables().find(id).orElseThrow();
    CatalogTable orc = new CatalogTable(t.definition().toBuilder().format("orc").build(), 1, t.createdAt(),
        t.updatedAt());
    assertThatThrownBy(() -> TableDdl.duckDbView(orc, catalog.partitions().files(id, PartitionFilter.all()), "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Parquet tables only");
    assertThat(TableDdl.hive(orc, List.of())).contains("STORED AS ORC");
  }
}
