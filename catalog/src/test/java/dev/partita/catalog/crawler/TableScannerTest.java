package dev.partita.catalog.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.PartitionColumn;
import dev.partita.format.FileFormat;
import dev.partita.format.orc.OrcFormat;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.table.Table;
import dev.partita.testing.Datasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TableScanner on tables written by Partita, by hand, by pyarrow and by DuckDB. */
class TableScannerTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "orc"})
  void partitaTableIsDescribedFromItsFooters(String formatName) throws Exception {
    Path root = tmp.resolve("sales");
    FileFormat format = formatName.equals("parquet") ? ParquetFormat.defaults() : OrcFormat.builder().build();
    Tables.write(root, format, 0, 500);
    Tables.write(root, format, 500, 700);
    ScannedTable t = TableScanner.scan(root);

    assertThat(t.name()).isEqualTo("sales");
    assertThat(t.format()).isEqualTo(formatName);
    assertThat(t.root()).isEqualTo(root.toAbsolutePath());
    // Files hold the data columns; region and day come back as folder columns with inferred types.
    Schema expected = Tables.SPEC.dataSchema();
    if (formatName.equals("orc")) {
      // ORC has no required columns: a column is required only while no file holds a null in it.
      assertThat(t.schema().columns()).extracting(Column::name, Column::type).containsExactlyElementsOf(
          expected.columns().stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.name(), c.type())).toList());
    } else {
      assertThat(t.schema()).isEqualTo(expected);
    }
    assertThat(t.partitionColumns()).containsExactly(PartitionColumn.of("region", DataType.string()),
        PartitionColumn.of("day", DataType.date()));
    List<String> visible = Table.open(root).dataFiles();
    assertThat(t.files()).extracting(ScannedFile::path).containsExactlyElementsOf(visible);
    assertThat(t.footersRead()).isEqualTo(visible.size());
    assertThat(t.rows()).isEqualTo(700);
    assertThat(t.bytes()).isEqualTo(visible.stream().mapToLong(p -> size(root.resolve(p))).sum());
    assertThat(t.codecs()).containsExactly(formatName.equals("parquet") ? "snappy" : "zstd");
    assertThat(t.partitions()).hasSize(12);
    assertThat(t.partitions().stream().mapToLong(ScannedPartition::rows).sum()).isEqualTo(700);
    ScannedPartition nulls = t.partitions().stream().filter(p -> p.values().get("region") == null).findFirst()
        .orElseThrow();
    assertThat(nulls.path()).startsWith("region=__HIVE_DEFAULT_PARTITION__/day=2024-01-0");
    assertThat(t.partitions()).anySatisfy(p -> assertThat(p.values()).containsEntry("region", "a/b=c%d"));
    // _SUCCESS and _partita/ are skipped silently.
    assertThat(t.warnings()).isEmpty();
    assertThat(t.schemaConflicts()).isEmpty();
    // Every file's statistics come from its footer: the id column's value counts add up to the rows.
    assertThat(t.files().stream().mapToLong(f -> f.columns().stream().filter(s -> s.column().equals("id"))
        .findFirst().orElseThrow().valueCount()).sum()).isEqualTo(700);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void schemasMergeWideningAndAddingColumnsAndConflictsAreReported() throws Exception {
    Path root = tmp.resolve("evolving");
    Tables.parquetFile(root.resolve("v=1/a.parquet"), Schema.builder().required("a", DataType.int32())
        .required("b", DataType.float32()).build(), 10);
    Tables.parquetFile(root.resolve("v=2/b.parquet"), Schema.builder().required("a", DataType.int64())
        .required("b", DataType.float64()).optional("c", DataType.string()).build(), 20);
    Tables.parquetFile(root.resolve("v=3/c.parquet"), Schema.builder().required("a", DataType.int32())
        .required("b", DataType.string()).build(), 5);
    ScannedTable t = TableScanner.scan(root);
    assertThat(t.schema()).isEqualTo(Schema.builder().required("a", DataType.int64())
        .required("b", DataType.float64()).optional("c", DataType.string()).build());
    assertThat(t.schemaConflicts()).containsExactly(
        "v=3/c.parquet: column b: double in the catalog, string in the files");
    assertThat(t.partitionColumns()).containsExactly(PartitionColumn.of("v", DataType.int32()));
    assertThat(t.rows()).isEqualTo(35);
  }

  @Test
  void hiddenFilesAreSkippedAndStrangersReported() throws Exception {
    Path root = tmp.resolve("t");
    Schema s = Schema.builder().required("x", DataType.int32()).build();
    Tables.parquetFile(root.resolve("k=1/data.parquet"), s, 3);
    Tables.parquetFile(root.resolve("k=2/no-extension"), s, 4);
    Tables.parquetFile(root.resolve("k=2/_tmp.parquet"), s, 100);
    Tables.parquetFile(root.resolve(".hidden/k=3/data.parquet"), s, 100);
    Tables.parquetFile(root.resolve("k=3/.data.parquet.crc"), s, 100);
    Files.writeString(root.resolve("k=1/readme.txt"), "not data", StandardCharsets.UTF_8);
    Tables.parquetFile(root.resolve("misc/data.parquet"), s, 100);
    Tables.parquetFile(root.resolve("k=4/j=1/data.parquet"), s, 100);
    Files.createDirectories(root.resolve("k=5"));
    Files.write(root.resolve("k=5/broken.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 0, 'P', 'A', 'R',
        '1'});
    ScannedTable t = TableScanner.scan(root);
    assertThat(t.files()).extracting(ScannedFile::path).containsExactly("k=1/data.parquet", "k=2/no-extension");
    assertThat(t.rows()).isEqualTo(7);
    assertThat(t.warnings()).hasSize(4).anySatisfy(w -> assertThat(w).startsWith("k=1/readme.txt: not a Parquet"))
        .anySatisfy(w -> assertThat(w).startsWith("misc/: not a name=value"))
        .anySatisfy(w -> assertThat(w).startsWith("k=4/j=1/data.parquet: partition folders [k, j] differ"))
        .anySatisfy(w -> assertThat(w).startsWith("k=5/broken.parquet: footer unreadable"));
  }

  @Test
  void pyarrowFileIsATableOfOneFile() {
    Path file = Datasets.file("flights-3m.parquet");
    ScannedTable t = TableScanner.scan(file);
    assertThat(t.isSingleFile()).isTrue();
    assertThat(t.name()).isEqualTo("flights-3m");
    assertThat(t.rows()).isEqualTo(3_000_000L);
    assertThat(t.codecs()).containsExactly("zstd");
    assertThat(t.partitionColumns()).isEmpty();
    assertThat(t.schema().columns()).extracting(Column::name)
        .containsExactly("date", "delay", "distance", "origin", "destination");
    assertThat(t.schema().column(0).type().kind()).isEqualTo(DataType.Kind.TIMESTAMP);
    // Written by another implementation (its footer names it), not by Partita.
    assertThat(t.files().get(0).createdBy()).isNotEmpty().doesNotContainIgnoringCase("partita");
    assertThat(t.partitions()).singleElement().satisfies(p -> assertThat(p.rows()).isEqualTo(3_000_000L));
  }

  @Test
  void duckDbPartitionedTableInfersPartitionTypes() throws Exception {
    Path out = tmp.resolve("duck flights");
    Path source = Datasets.file("flights-3m.parquet");
    Tables.duckExecute("COPY (SELECT delay, distance, destination, year(date) AS y, month(date) AS m,"
        + " CAST(date AS DATE) AS d, origin FROM read_parquet(" + Tables.quote(source) + ")"
        + " WHERE origin IN ('SEA', 'PDX', 'BOI') AND month(date) <= 2) TO " + Tables.quote(out)
        + " (FORMAT PARQUET, PARTITION_BY (y, m, d, origin))");
    long expectedRows = Tables.duckCount("SELECT count(*) FROM read_parquet(" + Tables.quote(source)
        + ") WHERE origin IN ('SEA', 'PDX', 'BOI') AND month(date) <= 2");
    ScannedTable t = TableScanner.scan(out);
    assertThat(t.name()).isEqualTo("duck flights");
    assertThat(t.partitionColumns()).containsExactly(PartitionColumn.of("y", DataType.int32()),
        PartitionColumn.of("m", DataType.int32()), PartitionColumn.of("d", DataType.date()),
        PartitionColumn.of("origin", DataType.string()));
    assertThat(Tables.names(t.schema())).containsExactly("delay", "distance", "destination");
    assertThat(t.rows()).isEqualTo(expectedRows).isGreaterThan(1000);
    assertThat(t.partitions()).hasSize(59 * 3);
    java.util.LinkedHashMap<String, String> first = new java.util.LinkedHashMap<>();
    first.put("y", "2001");
    first.put("m", "1");
    first.put("d", "2001-01-01");
    first.put("origin", "BOI");
    assertThat(t.partitions().get(0).values()).containsExactlyEntriesOf(first);
    assertThat(t.warnings()).isEmpty();
  }
}
