package dev.partita.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.storage.LocalStorage;
import dev.partita.table.Table;
import dev.partita.testing.LinesTables;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitHookTest {
  @TempDir Path tmp;

  @Test
  void hookSeesTheManifestAndAFailedHookIsRetriedByRecovery() throws Exception {
    Path root = tmp.resolve("t");
    List<String> calls = new ArrayList<>();
    boolean[] failNext = {true};
    CommitHook hook = (writeId, manifest) -> {
      String json = Files.readString(Path.of(manifest), StandardCharsets.UTF_8);
      assertThat(json).contains("\"writeId\":\"" + writeId + "\"").contains("\"rows\":");
      calls.add(writeId);
      if (failNext[0]) {
        failNext[0] = false;
        throw new IllegalStateException("catalog unavailable");
      }
    };
    Table table = Table.open(LocalStorage.instance(), root.toString(), hook);
    PartitionedWriter w = table.newWriter(CrashingWriter.options(WriteMode.APPEND, CommitListener.NONE, 1));
    CrashingWriter.write(w, "A", 0, 500, () -> {});
    assertThatThrownBy(w::commit).isInstanceOfSatisfying(CommitException.class,
        e -> assertThat(e.isDecided()).isTrue()).hasMessageContaining("catalog unavailable");
    // Files are published (the commit was decided) and the journal waits for the hook.
    assertThat(LinesTables.read(root)).hasSize(500);
    assertThat(LinesTables.allFiles(root.resolve("_partita/journal"))).hasSize(1);

    Table reopened = Table.open(LocalStorage.instance(), root.toString(), hook);
    assertThat(reopened.openRecovery().completedCommits()).containsExactly(calls.get(0));
    assertThat(calls).hasSize(2).containsOnly(calls.get(0));
    assertThat(LinesTables.allFiles(root.resolve("_partita/journal"))).isEmpty();
    assertThat(LinesTables.read(root)).hasSize(500);
  }
}
