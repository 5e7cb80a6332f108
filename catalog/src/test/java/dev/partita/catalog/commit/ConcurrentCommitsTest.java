package dev.partita.catalog.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Backend;
import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogFile;
import dev.partita.catalog.CatalogPartition;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.TableId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 8 processes make 50 commits each to one table, all registering in one catalog: the catalog ends with exactly
 * the 400 commits' files, and every partition's counts add up.
 */
class ConcurrentCommitsTest {
  static final int PROCESSES = 8;
  static final int COMMITS = 50;

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void eightProcessesFiftyCommitsEachLoseNothing(Backend backend) throws Exception {
    Path root = tmp.resolve("shared");
    TableId id = TableId.of("shared");
    try (Backend.Store store = backend.newStore(tmp)) {
      long start = System.nanoTime();
      List<Process> children = new ArrayList<>();
      List<Path> logs = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        Path log = tmp.resolve("child-" + i + ".log");
        logs.add(log);
        children.add(new ProcessBuilder(Children.java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
            System.getProperty("java.class.path"), HookChild.class.getName(), "commits", store.url(),
            root.toString(), id.name(), Integer.toString(i), Integer.toString(COMMITS))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start());
      }
      for (int i = 0; i < PROCESSES; i++) {
        boolean exited = children.get(i).waitFor(180, TimeUnit.SECONDS);
        if (!exited) {
          children.forEach(Process::destroyForcibly);
        }
        String out = Files.readString(logs.get(i), StandardCharsets.UTF_8);
        assertThat(exited).as("child %d finished; output:%n%s", i, out).isTrue();
        assertThat(children.get(i).exitValue()).as("child %d exit; output:%n%s", i, out).isZero();
        assertThat(out).contains("DONE");
      }
      System.out.printf("%s: %d processes x %d commits in %.1f s%n", backend, PROCESSES, COMMITS,
          (System.nanoTime() - start) / 1e9);

      try (Catalog catalog = store.open()) {
        assertThat(Writes.writeIds(catalog, id)).hasSize(PROCESSES * COMMITS);
        Writes.assertCatalogMatchesFiles(catalog, id, root);
        List<CatalogFile> files = catalog.partitions().files(id, PartitionFilter.all());
        assertThat(files.stream().mapToLong(CatalogFile::rows).sum()).isEqualTo(PROCESSES * COMMITS * 3L);
        List<CatalogPartition> partitions = catalog.partitions().list(id, PartitionFilter.all());
        assertThat(partitions).hasSize(4);
        assertThat(partitions.stream().mapToLong(CatalogPartition::files).sum()).isEqualTo(files.size());
        // Statistics merged under concurrency: value counts add up to the rows of each partition.
        for (CatalogPartition p : partitions) {
          assertThat(p.columns()).allSatisfy(s -> assertThat(s.valueCount()).isEqualTo(p.rows()));
        }
      }
    }
  }
}
