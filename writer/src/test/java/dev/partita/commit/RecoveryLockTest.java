package dev.partita.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.storage.LocalStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write creates its lock file, then locks it. A recovery (another process opening the table) that locked and
 * removed a lock file in between made that write fail with "write id already in use" (seen in
 * ConcurrentCommitsTest under load): a young lock with nothing staged is left alone, an old one is removed.
 */
class RecoveryLockTest {
  @TempDir Path dir;

  @Test
  void aYoungLockWithNothingStagedIsLeftAloneAndAnOldOneRemoved() throws Exception {
    LocalStorage storage = LocalStorage.withoutSync();
    TableLayout layout = new TableLayout(dir.toString());
    Path young = Path.of(layout.lockFile("w-young"));
    Path old = Path.of(layout.lockFile("w-old"));
    Files.createDirectories(young.getParent());
    Files.createFile(young);
    Files.createFile(old);
    Files.setLastModifiedTime(old,
        FileTime.from(Instant.now().minusMillis(Recovery.LOCK_ONLY_AGE_MILLIS + 60_000)));

    RecoveryReport report = Recovery.run(storage, layout, (writeId, manifest) -> {});

    assertThat(young).exists();
    assertThat(old).doesNotExist();
    assertThat(report.rolledBackWrites()).isEmpty();
    assertThat(report.skippedLiveWrites()).isEmpty();
    // The young lock's write goes on: its id is free to lock.
    try (AutoCloseable held = storage.tryLock(young.toString()).orElseThrow()) {
      assertThat(held).isNotNull();
    }
  }

  @Test
  void aLockWithStagedFilesIsRecoveredAtOnce() throws Exception {
    LocalStorage storage = LocalStorage.withoutSync();
    TableLayout layout = new TableLayout(dir.toString());
    Path lock = Path.of(layout.lockFile("w1"));
    Files.createDirectories(lock.getParent());
    Files.createFile(lock);
    Path staged = Path.of(layout.stagingFile("w1", "p=1/part-w1-00001.lines"));
    Files.createDirectories(staged.getParent());
    Files.writeString(staged, "x");

    RecoveryReport report = Recovery.run(storage, layout, (writeId, manifest) -> {});

    assertThat(report.rolledBackWrites()).containsExactly("w1");
    assertThat(lock).doesNotExist();
    assertThat(Path.of(layout.stagingDir("w1"))).doesNotExist();
  }
}
