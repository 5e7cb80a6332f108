package dev.partita.catalog.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogFile;
import dev.partita.catalog.CatalogPartition;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.TableId;
import dev.partita.partition.PartitionPaths;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.table.Table;
import dev.partita.testing.LinesFormat;
import dev.partita.testing.LinesTables;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteMode;
import dev.partita.write.WriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes small partitioned tables in the test-only lines format and checks a catalog against the files. */
final class Writes {
  static final Schema SCHEMA = Schema.builder().required("id", DataType.int64())
      .optional("region", DataType.string()).required("day", DataType.date())
      .optional("amount", DataType.float64()).build();
  static final PartitionSpec SPEC = PartitionSpec.builder(SCHEMA).identity("region").year("day").build();
  /** Regions, one of them null and one full of characters SQL and paths care about. */
  static final String[] REGIONS = {"eu", "us", "it's; 100% \"ü\"", null};

  private Writes() {}

  static WriteOptions options(WriteMode mode) {
    return WriteOptions.builder(SCHEMA, new LinesFormat()).partitionBy(SPEC).mode(mode).maxRowsPerFile(40)
        .build();
  }

  /** Writes rows {@code from..to-1} in one commit. */
  static void write(Table table, WriteMode mode, long from, long to) throws IOException {
    try (PartitionedWriter w = table.newWriter(options(mode))) {
      ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
      for (long id = from; id < to; id++) {
        w.write(row.wrap(new Object[] {id, REGIONS[(int) (id % REGIONS.length)],
            LocalDate.of(2022, 1, 1).plusDays(id * 37 % 1100), id * 1.5}));
      }
      w.commit();
    }
  }

  /**
   * Checks that the catalog lists exactly the table's visible files, each with its real row count and size, and
   * that every partition's values, counts and folder agree with the files in it.
   */
  static void assertCatalogMatchesFiles(Catalog catalog, TableId id, Path root) throws IOException {
    List<CatalogFile> files = catalog.partitions().files(id, PartitionFilter.all());
    List<String> visible = new ArrayList<>();
    for (Path p : LinesTables.visibleFiles(root)) {
      visible.add(root.relativize(p).toString());
    }
    assertThat(files).extracting(CatalogFile::path).containsExactlyElementsOf(visible);
    Map<String, long[]> perPartition = new LinkedHashMap<>();
    for (CatalogFile f : files) {
      Path file = root.resolve(f.path());
      long rows = LinesFormat.read(file).size() - 1;
      assertThat(f.rows()).as("rows of %s", f.path()).isEqualTo(rows);
      assertThat(f.bytes()).as("bytes of %s", f.path()).isEqualTo(java.nio.file.Files.size(file));
      assertThat(f.location()).isEqualTo(root + "/" + f.path());
      long[] sums = perPartition.computeIfAbsent(f.partitionPath(), k -> new long[3]);
      sums[0]++;
      sums[1] += rows;
      sums[2] += f.bytes();
    }
    List<CatalogPartition> partitions = catalog.partitions().list(id, PartitionFilter.all());
    assertThat(partitions).extracting(CatalogPartition::path)
        .containsExactlyInAnyOrderElementsOf(perPartition.keySet());
    for (CatalogPartition p : partitions) {
      long[] sums = perPartition.get(p.path());
      assertThat(new long[] {p.files(), p.rows(), p.bytes()}).as("counts of %s", p.path()).containsExactly(sums);
      Map<String, String> fromPath = new LinkedHashMap<>();
      for (String segment : p.path().split("/")) {
        int eq = segment.indexOf('=');
        String v = PartitionPaths.unescape(segment.substring(eq + 1));
        fromPath.put(PartitionPaths.unescape(segment.substring(0, eq)),
            v.equals(PartitionPaths.DEFAULT_PARTITION_NAME) ? null : v);
      }
      assertThat(p.values()).isEqualTo(fromPath);
      assertThat(p.location()).isEqualTo(root + "/" + p.path());
    }
  }

  /** Distinct write ids of the registered files. */
  static Set<String> writeIds(Catalog catalog, TableId id) {
    Set<String> out = new HashSet<>();
    for (CatalogFile f : catalog.partitions().files(id, PartitionFilter.all())) {
      out.add(f.writeId().orElseThrow());
    }
    return out;
  }
}
