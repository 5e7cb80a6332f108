package dev.partita.commit;

import dev.partita.PartitaException;
import dev.partita.storage.FileEntry;
import dev.partita.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Repairs a table after crashed writes: completes every commit whose journal is durable and removes the staged
 * files of every write that died before deciding its commit. Writes whose process is alive (their lock is held)
 * are left alone, so recovery is safe while other writers run. Idempotent.
 */
public final class Recovery {
  /** Age from which a write's lock file alone, with nothing staged, is looked at. */
  static final long LOCK_ONLY_AGE_MILLIS = 60_000;

  private Recovery() {}

  /**
   * Recovers the table at {@code layout} on {@code storage}; {@code hook} runs again for every commit it
   * completes.
   */
  public static RecoveryReport run(Storage storage, TableLayout layout, CommitHook hook) {
    List<String> completed = new ArrayList<>();
    List<String> rolledBack = new ArrayList<>();
    List<String> live = new ArrayList<>();
    try {
      for (String writeId : writeIds(storage, layout)) {
        Optional<AutoCloseable> lock = storage.tryLock(layout.lockFile(writeId));
        if (lock.isEmpty()) {
          live.add(writeId);
          continue;
        }
        try (AutoCloseable held = lock.get()) {
          String journalPath = layout.journalFile(writeId);
          Optional<Journal> journal = storage.exists(journalPath)
              ? Journal.read(storage, journalPath) : Optional.empty();
          if (journal.isPresent()) {
            journal.get().apply(storage, layout, CommitListener.NONE, 1);
            WriteTransaction.runHook(hook, writeId, layout.resolve(journal.get().manifest()));
            storage.delete(journalPath, layout.metadataDir());
            completed.add(writeId);
          } else if (!storage.list(layout.stagingDir(writeId)).isEmpty()) {
            rolledBack.add(writeId);
          }
          WriteTransaction.clearStaging(storage, layout, writeId);
        }
        storage.delete(layout.lockFile(writeId), layout.metadataDir());
      }
    } catch (IOException e) {
      throw new PartitaException("recovery of table " + layout.root() + " failed: " + e.getMessage()
          + "; fix the cause and open the table again (recovery is idempotent)", e);
    } catch (Exception e) {
      throw new PartitaException("recovery of table " + layout.root() + " failed: " + e.getMessage(), e);
    }
    return new RecoveryReport(completed, rolledBack, live);
  }

  /**
   * Every write id with a staging folder, a journal, or a lock older than {@link #LOCK_ONLY_AGE_MILLIS}. A write
   * creates its lock file and then locks it; a recovery that locked a new lock file in between would make that
   * write fail as if its id were taken, so a lock with nothing staged yet is left alone while it is young (after
   * that, a live write holds it and a crashed write's lock is removed).
   */
  private static TreeSet<String> writeIds(Storage storage, TableLayout layout) throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    String staging = layout.resolve(TableLayout.METADATA_DIR + "/staging") + "/";
    for (FileEntry f : storage.list(layout.resolve(TableLayout.METADATA_DIR + "/staging"))) {
      String rest = f.path().substring(staging.length());
      int slash = rest.indexOf('/');
      ids.add(slash < 0 ? rest : rest.substring(0, slash));
    }
    for (FileEntry f : storage.list(layout.journalDir())) {
      String name = f.path().substring(f.path().lastIndexOf('/') + 1);
      if (name.endsWith(".journal")) {
        ids.add(name.substring(0, name.length() - ".journal".length()));
      }
    }
    String locks = layout.resolve(TableLayout.METADATA_DIR + "/locks");
    for (FileEntry f : storage.list(locks)) {
      String name = f.path().substring(f.path().lastIndexOf('/') + 1);
      if (name.endsWith(".lock") && System.currentTimeMillis() - f.modifiedMillis() > LOCK_ONLY_AGE_MILLIS) {
        ids.add(name.substring(0, name.length() - ".lock".length()));
      }
    }
    return ids;
  }
}
