package dev.partita.benchmarks.catalog;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogFile;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.PartitionChanges;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.TableDefinition;
import dev.partita.catalog.TableId;
import dev.partita.commit.DataFile;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A table of {@code side x side} partitions {@code a=<0..side-1>/b=<0..side-1>}, one small file each, on disk and
 * registered in a SQLite catalog, and three ways to plan the query {@code a = A AND b BETWEEN LO AND HI}: through
 * the catalog, by listing every directory, and by listing only the directories the predicate can match.
 */
public final class PlanningFixture implements AutoCloseable {
  private final Path dir;
  private final Path root;
  private final Catalog catalog;
  private final TableId id = TableId.of("bench", "planned");
  private final int a;
  private final int lo;
  private final int hi;

  /** Creates the table under {@code dir}; the query selects {@code a = side/2} and {@code b} in a tenth. */
  public PlanningFixture(Path dir, int side) throws IOException {
    this.dir = dir;
    this.root = dir.resolve("table");
    this.a = side / 2;
    this.lo = side / 10;
    this.hi = lo + Math.max(1, side / 10) - 1;
    this.catalog = Catalogs.openSqlite(dir.resolve("catalog.db"));
    catalog.tables().create(TableDefinition.builder(id).location(root.toString())
        .schema(Schema.builder().required("v", DataType.int64()).build())
        .partitionColumn(PartitionColumn.of("a", DataType.int32()))
        .partitionColumn(PartitionColumn.of("b", DataType.int32())).build());
    PartitionChanges.Builder changes = PartitionChanges.builder();
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        String rel = "a=" + i + "/b=" + j + "/part-00001.parquet";
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[] {1});
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a", Integer.toString(i));
        values.put("b", Integer.toString(j));
        changes.addFile(new DataFile(rel, values, 1, 1, List.of()));
      }
    }
    catalog.partitions().apply(id, changes.build());
  }

  /** Plans through the catalog: one indexed query, no listing. */
  public List<String> viaCatalog() {
    List<String> out = new ArrayList<>();
    for (CatalogFile f : catalog.partitions().files(id, PartitionFilter.eq("a", a)
        .and(PartitionFilter.between("b", lo, hi)))) {
      out.add(f.path());
    }
    return out;
  }

  /** Plans by walking the whole tree and filtering the partition values parsed from the paths. */
  public List<String> viaFullListing() {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(p -> {
        String rel = root.relativize(p).toString();
        String[] seg = rel.split("/");
        int va = Integer.parseInt(seg[0].substring(2));
        int vb = Integer.parseInt(seg[1].substring(2));
        if (va == a && vb >= lo && vb <= hi) {
          out.add(rel);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** Plans by listing level by level, descending only into folders the predicate can match. */
  public List<String> viaPrunedListing() {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> as = Files.newDirectoryStream(root)) {
      for (Path pa : as) {
        if (Integer.parseInt(pa.getFileName().toString().substring(2)) != a) {
          continue;
        }
        try (DirectoryStream<Path> bs = Files.newDirectoryStream(pa)) {
          for (Path pb : bs) {
            int vb = Integer.parseInt(pb.getFileName().toString().substring(2));
            if (vb < lo || vb > hi) {
              continue;
            }
            try (DirectoryStream<Path> fs = Files.newDirectoryStream(pb)) {
              for (Path f : fs) {
                out.add(root.relativize(f).toString());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** Closes the catalog and deletes the table and catalog files. */
  @Override
  public void close() throws IOException {
    catalog.close();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
