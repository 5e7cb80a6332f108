package dev.partita.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.table.Table;
import dev.partita.testing.LinesTables;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a writing JVM with {@code destroyForcibly()} while it writes and after each step of its commit, then
 * checks that opening the table repairs it: every committed row present once, nothing uncommitted visible,
 * no staged file, journal or lock left, and a second recovery has nothing to do.
 */
class CrashTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} #{1} ({2})")
  @CsvSource({
      "WRITING, 1, APPEND, false, 1",
      "FILES_CLOSED, 1, APPEND, false, 1",
      "JOURNAL_WRITTEN, 1, APPEND, true, 1",
      "FILE_PUBLISHED, 1, APPEND, true, 1",
      "FILE_PUBLISHED, 4, APPEND, true, 1",
      "FILE_PUBLISHED, 10, APPEND, true, 2",
      "MANIFEST_PUBLISHED, 1, APPEND, true, 1",
      "SUCCESS_MARKED, 1, APPEND, true, 1",
      "COMMITTED, 1, APPEND, true, 1",
      "OLD_FILE_DELETED, 2, OVERWRITE, true, 1",
      "OLD_FILE_DELETED, 20, OVERWRITE, true, 2",
      "FILE_PUBLISHED, 2, OVERWRITE_PARTITIONS, true, 1",
  })
  void recoveryAfterKill(String point, int occurrence, WriteMode mode, boolean committed, int threads)
      throws Exception {
    Path root = tmp.resolve("table");
    // Batch A: committed normally by this JVM.
    try (PartitionedWriter w = Table.open(root).newWriter(CrashingWriter.options(WriteMode.APPEND,
        CommitListener.NONE, 1))) {
      CrashingWriter.write(w, "A", 0, 2000, () -> {});
      w.commit();
    }
    // Batch B: rows 1000..3000 written by a child JVM that is killed at the chosen point.
    Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
        CrashingWriter.class.getName(), root.toString(), point, Integer.toString(occurrence), mode.name(), "B",
        "1000", "3000", Integer.toString(threads)).redirectErrorStream(true).start();
    String line;
    List<String> output = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      while ((line = r.readLine()) != null) {
        output.add(line);
        if (line.startsWith("AT ")) {
          child.destroyForcibly();
          break;
        }
      }
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(output).as("child output").contains("AT " + point);

    Table table = Table.open(root);
    RecoveryReport report = table.openRecovery();
    List<String> rows = ids(root);
    List<String> expected = new ArrayList<>();
    if (!committed) {
      for (int i = 0; i < 2000; i++) {
        expected.add("A" + i);
      }
    } else {
      List<Integer> monthsOfB = new ArrayList<>();
      for (int i = 1000; i < 3000; i++) {
        expected.add("B" + i);
        monthsOfB.add(month(i));
      }
      for (int i = 0; i < 2000; i++) {
        boolean replaced = mode == WriteMode.OVERWRITE
            || (mode == WriteMode.OVERWRITE_PARTITIONS && monthsOfB.contains(month(i)));
        if (!replaced) {
          expected.add("A" + i);
        }
      }
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    if (committed && !point.equals("COMMITTED")) {
      assertThat(report.completedCommits()).hasSize(1);
    }
    if (!committed) {
      assertThat(report.rolledBackWrites()).hasSize(1);
    }
    assertThat(LinesTables.allFiles(root.resolve("_partita")))
        .allMatch(p -> p.toString().contains("/_partita/commits/"));
    assertThat(LinesTables.allFiles(root.resolve("_partita/commits"))).hasSize(committed ? 2 : 1);
    assertThat(root.resolve("_partita/staging")).as("no staging folder is left").doesNotExist();
    assertThat(table.recover().isClean()).isTrue();
    assertThat(ids(root)).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static int month(int i) {
    return java.time.LocalDate.ofEpochDay((long) (i % 900) * 3).getYear() * 12
        + java.time.LocalDate.ofEpochDay((long) (i % 900) * 3).getMonthValue();
  }

  private static List<String> ids(Path root) throws java.io.IOException {
    List<String> out = new ArrayList<>();
    for (Map<String, String> r : LinesTables.read(root)) {
      out.add(r.get("batch") + r.get("id"));
    }
    return out;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
