package dev.partita.table;

import dev.partita.commit.CommitHook;
import dev.partita.commit.Recovery;
import dev.partita.commit.RecoveryReport;
import dev.partita.commit.TableLayout;
import dev.partita.commit.WriteTransaction;
import dev.partita.storage.FileEntry;
import dev.partita.storage.LocalStorage;
import dev.partita.storage.Storage;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.PartitionedWriters;
import dev.partita.write.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A table directory: the entry point for writes. Opening a table runs {@link #recover()} first, so a crash of an
 * earlier writer is repaired before anything else happens. Thread-safe; many writers (threads or processes) may
 * write to one table at once.
 *
 * <pre>{@code
 * Table table = Table.open(Path.of("/data/sales"));
 * try (PartitionedWriter w = table.newWriter(options)) {
 *   for (Sale s : sales) w.write(row.wrap(s));
 *   w.commit();
 * }
 * }</pre>
 */
public final class Table {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Storage storage;
  private final TableLayout layout;
  private final CommitHook hook;
  private final RecoveryReport lastRecovery;

  private Table(Storage storage, TableLayout layout, CommitHook hook) {
    this.storage = storage;
    this.layout = layout;
    this.hook = hook;
    this.lastRecovery = Recovery.run(storage, layout, hook);
  }

  /** Opens (or prepares to create) the table at a local directory, recovering it. */
  public static Table open(Path root) {
    Objects.requireNonNull(root, "root");
    return open(LocalStorage.instance(), root.toAbsolutePath().normalize().toString());
  }

  /** Opens the table at {@code root} on {@code storage}, recovering it. */
  public static Table open(Storage storage, String root) {
    Objects.requireNonNull(storage, "storage");
    return open(storage, root, CommitHook.NONE);
  }

  /**
   * Opens the table at {@code root} on {@code storage} with a hook that every commit runs as its last step
   * (a catalog registers commits this way), recovering it; the hook also runs for commits recovery completes.
   */
  public static Table open(Storage storage, String root, CommitHook hook) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(hook, "hook");
    return new Table(storage, new TableLayout(Objects.requireNonNull(root, "root")), hook);
  }

  /** The table root. */
  public String location() {
    return layout.root();
  }

  /** The storage the table lives on. */
  public Storage storage() {
    return storage;
  }

  /** What the recovery at open did. */
  public RecoveryReport openRecovery() {
    return lastRecovery;
  }

  /**
   * Completes commits and removes files of writes that crashed; leaves running writes alone. Idempotent.
   */
  public RecoveryReport recover() {
    return Recovery.run(storage, layout, hook);
  }

  /**
   * Starts a write. Nothing becomes visible until its {@link PartitionedWriter#commit()}.
   *
   * @throws dev.partita.PartitaException when the mode is {@code ERROR_IF_EXISTS} and the table has data, or the
   *     write id is in use
   */
  public PartitionedWriter newWriter(WriteOptions options) {
    Objects.requireNonNull(options, "options");
    String writeId = options.writeId().orElseGet(() -> ID_TIME.format(options.clock().instant()) + "-"
        + HexFormat.of().toHexDigits(RANDOM.nextLong()).substring(0, 12));
    WriteTransaction tx = WriteTransaction.begin(storage, layout, writeId, options.mode(), options.clock(),
        options.commitListener(), hook);
    try {
      return PartitionedWriters.create(storage, tx, options);
    } catch (RuntimeException e) {
      tx.abort();
      throw e;
    }
  }

  /** Table-relative paths of the data files readers see now, sorted. */
  public List<String> dataFiles() {
    List<String> out = new ArrayList<>();
    try {
      for (FileEntry f : storage.list(layout.root())) {
        String rel = layout.relativize(f.path());
        if (TableLayout.isDataFile(rel)) {
          out.add(rel);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list table " + layout.root(), e);
    }
    return out;
  }
}
