package dev.partita.catalog.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Backend;
import dev.partita.catalog.Catalog;
import dev.partita.catalog.TableId;
import dev.partita.table.Table;
import dev.partita.testing.LinesTables;
import dev.partita.write.WriteMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a writing JVM inside the catalog hook, before or after the catalog transaction, and checks that the next
 * open of the table registers the commit exactly once: the catalog lists exactly the files readers see.
 */
class HookCrashTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"SQLITE, before", "SQLITE, after", "POSTGRESQL, before", "POSTGRESQL, after"})
  void crashInsideTheHookIsRepairedByRecovery(dev.partita.catalog.Backend backend, String point) throws Exception {
    Path root = tmp.resolve("t");
    TableId id = TableId.of("crash");
    try (Backend.Store store = backend.newStore(tmp)) {
      try (Catalog catalog = store.open()) {
        Writes.write(CatalogCommitHook.openTable(catalog, id, root), WriteMode.APPEND, 0, 100);
      }
      Process child = new ProcessBuilder(Children.java(), "-cp", System.getProperty("java.class.path"),
          HookChild.class.getName(), "crash", store.url(), root.toString(), id.name(), point)
          .redirectErrorStream(true).start();
      List<String> output = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          output.add(line);
          if (line.startsWith("AT ")) {
            child.destroyForcibly();
            break;
          }
        }
      }
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output).as("child output").contains("AT " + point);

      try (Catalog catalog = store.open()) {
        // The child's files are published; the catalog has them only if it died after the transaction.
        assertThat(LinesTables.read(root)).hasSize(300);
        assertThat(Writes.writeIds(catalog, id)).hasSize(point.equals("after") ? 2 : 1);
        Table reopened = CatalogCommitHook.openTable(catalog, id, root);
        assertThat(reopened.openRecovery().completedCommits()).hasSize(1);
        Writes.assertCatalogMatchesFiles(catalog, id, root);
        assertThat(Writes.writeIds(catalog, id)).hasSize(2);
        assertThat(catalog.partitions().files(id, dev.partita.catalog.PartitionFilter.all()).stream()
            .mapToLong(f -> f.rows()).sum()).isEqualTo(300);
        assertThat(CatalogCommitHook.openTable(catalog, id, root).openRecovery().isClean()).isTrue();
      }
    }
  }
}
