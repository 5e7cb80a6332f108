package dev.partita.catalog.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.catalog.Backend;
import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogException;
import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.TableId;
import dev.partita.commit.CommitException;
import dev.partita.commit.CommitHook;
import dev.partita.partition.Transform;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.table.Table;
import dev.partita.testing.LinesTables;
import dev.partita.write.WriteMode;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writes that register themselves: the catalog always lists exactly the files a reader sees. */
class CatalogCommitHookTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void commitsRegisterTheirFilesAndOverwritesUnregisterReplacedOnes(Backend backend) throws Exception {
    Path root = tmp.resolve("sales");
    TableId id = TableId.of("shop", "sales");
    try (Backend.Store store = backend.newStore(tmp); Catalog catalog = store.open()) {
      Table table = CatalogCommitHook.openTable(catalog, id, root);
      Writes.write(table, WriteMode.APPEND, 0, 300);
      CatalogTable t = catalog.tables().find(id).orElseThrow();
      assertThat(t.location()).isEqualTo(root.toString());
      assertThat(t.definition().format()).isEqualTo("lines");
      // Identity-partitioned region is a folder column, not a data column; ts_year is derived from day.
      assertThat(t.schema()).isEqualTo(Schema.builder().required("id", DataType.int64())
          .required("day", DataType.date()).optional("amount", DataType.float64()).build());
      assertThat(t.definition().partitionColumns()).containsExactly(
          PartitionColumn.of("region", DataType.string()),
          PartitionColumn.derived("day_year", DataType.int32(), "day", Transform.year()));
      Writes.assertCatalogMatchesFiles(catalog, id, root);

      Writes.write(table, WriteMode.APPEND, 300, 500);
      Writes.assertCatalogMatchesFiles(catalog, id, root);
      assertThat(Writes.writeIds(catalog, id)).hasSize(2);

      // Replaces the partitions rows 1000..1100 touch: their older files leave the catalog too.
      Writes.write(table, WriteMode.OVERWRITE_PARTITIONS, 1000, 1100);
      Writes.assertCatalogMatchesFiles(catalog, id, root);
      Writes.write(table, WriteMode.OVERWRITE, 0, 10);
      Writes.assertCatalogMatchesFiles(catalog, id, root);
      assertThat(catalog.partitions().files(id, PartitionFilter.all()).stream().mapToLong(f -> f.rows()).sum())
          .isEqualTo(10);
      assertThat(LinesTables.read(root)).hasSize(10);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aHookThatFailsOnceIsCompletedByRecoveryExactlyOnce(Backend backend) throws Exception {
    Path root = tmp.resolve("t");
    TableId id = TableId.of("t");
    try (Backend.Store store = backend.newStore(tmp); Catalog catalog = store.open()) {
      CatalogCommitHook real = CatalogCommitHook.of(catalog, id);
      AtomicInteger calls = new AtomicInteger();
      CommitHook flaky = (writeId, manifest) -> {
        if (calls.incrementAndGet() == 2) {
          throw new CatalogException("catalog unavailable (simulated)");
        }
        real.committed(writeId, manifest);
      };
      Table table = Table.open(LocalStorage.instance(), root.toString(), flaky);
      Writes.write(table, WriteMode.APPEND, 0, 100);
      assertThatThrownBy(() -> Writes.write(table, WriteMode.APPEND, 100, 250))
          .isInstanceOfSatisfying(CommitException.class, e -> assertThat(e.isDecided()).isTrue());
      // The second commit's files are published but not registered; its journal waits.
      assertThat(LinesTables.read(root)).hasSize(250);
      assertThat(Writes.writeIds(catalog, id)).hasSize(1);
      assertThat(LinesTables.allFiles(root.resolve("_partita/journal"))).hasSize(1);

      Table reopened = CatalogCommitHook.openTable(catalog, id, root);
      assertThat(reopened.openRecovery().completedCommits()).hasSize(1);
      Writes.assertCatalogMatchesFiles(catalog, id, root);
      assertThat(Writes.writeIds(catalog, id)).hasSize(2);

      // Running the hook again for an old commit (a second recovery of the same journal) changes nothing.
      Path manifest = LinesTables.allFiles(root.resolve("_partita/commits")).get(0);
      String writeId = manifest.getFileName().toString().replaceAll("^\\d+-|\\.json$", "");
      real.committed(writeId, manifest.toString());
      Writes.assertCatalogMatchesFiles(catalog, id, root);
      assertThat(CatalogCommitHook.openTable(catalog, id, root).openRecovery().isClean()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void schemaWidensAndConflictsFailUntilFixed(Backend backend) throws Exception {
    Path root = tmp.resolve("t");
    TableId id = TableId.of("t");
    try (Backend.Store store = backend.newStore(tmp); Catalog catalog = store.open()) {
      Table table = CatalogCommitHook.openTable(catalog, id, root);
      Writes.write(table, WriteMode.APPEND, 0, 10);
      // Narrow the catalog's amount column to float: the next write (double) widens it back, as a new version.
      CatalogTable t = catalog.tables().find(id).orElseThrow();
      Schema narrow = Schema.builder().required("id", DataType.int64()).required("day", DataType.date())
          .optional("amount", DataType.float32()).build();
      catalog.tables().alter(id, java.util.List.of(dev.partita.catalog.TableChange.setSchema(narrow, "test")));
      Writes.write(table, WriteMode.APPEND, 10, 20);
      assertThat(catalog.tables().find(id).orElseThrow().schema()).isEqualTo(t.schema());
      assertThat(catalog.tables().schemaHistory(id)).hasSize(3);
      assertThat(catalog.tables().schemaHistory(id).get(2).note()).contains("widened amount float -> double");

      Schema conflicting = Schema.builder().required("id", DataType.string()).build();
      catalog.tables().alter(id, java.util.List.of(dev.partita.catalog.TableChange.setSchema(conflicting, "x")));
      assertThatThrownBy(() -> Writes.write(table, WriteMode.APPEND, 20, 30))
          .isInstanceOf(CommitException.class).hasMessageContaining("id: string in the catalog, int64 in the files");
      catalog.tables().alter(id, java.util.List.of(dev.partita.catalog.TableChange.setSchema(t.schema(), "fixed")));
      CatalogCommitHook.openTable(catalog, id, root);
      Writes.assertCatalogMatchesFiles(catalog, id, root);
      assertThat(Writes.writeIds(catalog, id)).hasSize(3);
    }
  }
}
