package dev.partita.commit;

import dev.partita.PartitaException;
import dev.partita.format.ColumnStats;
import dev.partita.internal.JsonWriter;
import dev.partita.partition.PartitionField;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.Column;
import dev.partita.schema.Schema;
import dev.partita.storage.FileEntry;
import dev.partita.storage.Storage;
import dev.partita.write.WriteMode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The commit protocol of one write: files are staged under hidden names, then {@link #commit} publishes them all
 * or {@link #abort} removes them all. Steps of a commit:
 *
 * <ol>
 *   <li>the caller has closed every staged file (durable);
 *   <li>the manifest is staged, then the journal (deletes and renames) is written: the commit is decided;
 *   <li>replaced files are deleted, staged files renamed into place, the manifest last;
 *   <li>{@code _SUCCESS} is created and the table's {@link CommitHook} runs (a catalog registers the commit);
 *   <li>the journal and the staging folder are removed, the lock released.
 * </ol>
 *
 * A crash before step 2 leaves only hidden files, which recovery removes; after it, recovery completes the
 * journal. Not thread-safe: the owning writer serializes calls.
 */
public final class WriteTransaction implements AutoCloseable {
  private final Storage storage;
  private final TableLayout layout;
  private final String writeId;
  private final WriteMode mode;
  private final Clock clock;
  private final CommitListener listener;
  private final CommitHook hook;
  private AutoCloseable lock;
  private boolean finished;

  private WriteTransaction(Storage storage, TableLayout layout, String writeId, WriteMode mode, Clock clock,
      CommitListener listener, CommitHook hook, AutoCloseable lock) {
    this.storage = storage;
    this.layout = layout;
    this.writeId = writeId;
    this.mode = mode;
    this.clock = clock;
    this.listener = listener;
    this.hook = hook;
    this.lock = lock;
  }

  /**
   * Starts a write: takes its liveness lock and, for {@link WriteMode#ERROR_IF_EXISTS}, checks the table is
   * empty.
   *
   * @throws PartitaException when the write id is in use or the table is not empty
   */
  public static WriteTransaction begin(Storage storage, TableLayout layout, String writeId, WriteMode mode,
      Clock clock, CommitListener listener, CommitHook hook) {
    Objects.requireNonNull(storage, "storage");
    try {
      AutoCloseable lock = storage.tryLock(layout.lockFile(writeId))
          .orElseThrow(() -> new PartitaException("write id '" + writeId + "' is already in use in table "
              + layout.root() + "; use a unique write id per write"));
      WriteTransaction tx = new WriteTransaction(storage, layout, writeId, mode, clock, listener, hook, lock);
      if (mode == WriteMode.ERROR_IF_EXISTS) {
        try {
          tx.failIfTableHasData();
        } catch (RuntimeException e) {
          tx.abort();
          throw e;
        }
      }
      return tx;
    } catch (IOException e) {
      throw new PartitaException("cannot start a write in table " + layout.root() + ": " + e.getMessage(), e);
    }
  }

  /** The write id. */
  public String writeId() {
    return writeId;
  }

  /** Where to write the file that will be published at the table-relative path {@code relative}. */
  public String stagingPath(String relative) {
    return layout.stagingFile(writeId, relative);
  }

  /** Deletes the staged file for {@code relative} (a file that will not be published). */
  public void discardStaged(String relative) throws IOException {
    storage.delete(stagingPath(relative), layout.stagingDir(writeId));
  }

  private void failIfTableHasData() throws IOException {
    List<String> existing = dataFiles("");
    if (!existing.isEmpty()) {
      throw new PartitaException("table " + layout.root() + " already holds " + existing.size()
          + " data file(s), for example " + existing.get(0) + "; write mode ERROR_IF_EXISTS refuses to add to it:"
          + " choose APPEND, OVERWRITE or OVERWRITE_PARTITIONS, or another location");
    }
  }

  /** Table-relative paths of the visible data files under a table-relative directory ("" for all). */
  private List<String> dataFiles(String relativeDir) throws IOException {
    List<String> out = new ArrayList<>();
    for (FileEntry f : storage.list(layout.resolve(relativeDir))) {
      String rel = layout.relativize(f.path());
      if (TableLayout.isDataFile(rel)) {
        out.add(rel);
      }
    }
    return out;
  }

  /**
   * Publishes the staged files atomically as one commit.
   *
   * @param files the staged files (already closed), with their table-relative final paths
   * @param partitionDirs table-relative directories of the partitions this write touched (used by
   *     {@link WriteMode#OVERWRITE_PARTITIONS})
   * @param format the file format name, for the manifest
   * @param schema the schema of the rows, for the manifest
   * @param spec the partition spec, for the manifest
   * @throws CommitException saying whether the commit was decided
   */
  public CommitResult commit(List<DataFile> files, Set<String> partitionDirs, String format, Schema schema,
      PartitionSpec spec) {
    return commit(files, partitionDirs, format, schema, spec, 1);
  }

  /**
   * Publishes the staged files atomically as one commit, {@code threads} at a time: the commit is still decided
   * by one journal and its manifest published last, so readers of manifests see all files or none.
   *
   * @param threads how many files are published at once (at least 1); many partitions publish faster with more
   * @see #commit(List, Set, String, Schema, PartitionSpec)
   */
  public CommitResult commit(List<DataFile> files, Set<String> partitionDirs, String format, Schema schema,
      PartitionSpec spec, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    checkOpen();
    finished = true;
    boolean decided = false;
    try {
      listener.onStep(CommitStep.FILES_CLOSED, "");
      Instant now = clock.instant();
      List<String> deletes = switch (mode) {
        case ERROR_IF_EXISTS -> {
          failIfTableHasData();
          yield List.of();
        }
        case APPEND -> List.of();
        case OVERWRITE -> dataFiles("");
        case OVERWRITE_PARTITIONS -> {
          Set<String> out = new LinkedHashSet<>();
          for (String dir : partitionDirs) {
            for (String f : dataFiles(dir)) {
              // Only files directly in the partition's directory: deeper files belong to other partitions.
              if (f.lastIndexOf('/') == dir.length() || (dir.isEmpty() && f.indexOf('/') < 0)) {
                out.add(f);
              }
            }
          }
          yield new ArrayList<>(out);
        }
      };
      String manifest = TableLayout.METADATA_DIR + "/commits/"
          + String.format(java.util.Locale.ROOT, "%013d-%s.json", now.toEpochMilli(), writeId);
      String stagedManifest = stagingPath(manifest);
      try (OutputStream out = storage.create(stagedManifest)) {
        out.write(manifestJson(now, files, deletes, format, schema, spec).getBytes(StandardCharsets.UTF_8));
      }
      List<Journal.Publish> publishes = new ArrayList<>();
      for (DataFile f : files) {
        publishes.add(new Journal.Publish(layout.relativize(stagingPath(f.path())), f.path()));
      }
      publishes.add(new Journal.Publish(layout.relativize(stagedManifest), manifest));
      Journal journal = new Journal(writeId, deletes, publishes);
      journal.write(storage, layout);
      decided = true;
      listener.onStep(CommitStep.JOURNAL_WRITTEN, layout.relativize(layout.journalFile(writeId)));
      journal.apply(storage, layout, listener, threads);
      runHook(hook, writeId, layout.resolve(manifest));
      storage.delete(layout.journalFile(writeId), layout.metadataDir());
      cleanUp();
      listener.onStep(CommitStep.COMMITTED, "");
      return new CommitResult(writeId, now, files, deletes, manifest);
    } catch (IOException | RuntimeException e) {
      if (!decided) {
        abortQuietly(e);
      } else {
        releaseLock(e);
      }
      if (e instanceof PartitaException p && !decided) {
        throw p;
      }
      throw new CommitException("commit of write " + writeId + " to table " + layout.root() + " failed: "
          + e.getMessage() + (decided ? "; the commit was decided and will be completed when the table is next"
          + " opened (recovery)" : "; nothing of the write is visible"), decided, e);
    }
  }

  /** Calls a commit hook, wrapping its failure. */
  static void runHook(CommitHook hook, String writeId, String manifest) throws IOException {
    try {
      hook.committed(writeId, manifest);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("commit hook failed for write " + writeId + ": " + e.getMessage(), e);
    }
  }

  /** Removes every staged file of the write and releases its lock. Idempotent. */
  public void abort() {
    if (finished && lock == null) {
      return;
    }
    finished = true;
    try {
      cleanUp();
    } catch (IOException e) {
      throw new PartitaException("abort of write " + writeId + " could not remove its staged files under "
          + layout.stagingDir(writeId) + "; they are hidden, and recovery removes them later", e);
    }
  }

  private void abortQuietly(Exception cause) {
    try {
      cleanUp();
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private void cleanUp() throws IOException {
    clearStaging(storage, layout, writeId);
    releaseLockOrThrow();
  }

  /** Deletes a write's staged files and then its staging folders (left empty by published files). */
  static void clearStaging(Storage storage, TableLayout layout, String writeId) throws IOException {
    String staging = layout.stagingDir(writeId);
    for (FileEntry f : storage.list(staging)) {
      storage.delete(f.path(), layout.metadataDir());
    }
    for (String shard : layout.stagingShards(writeId)) {
      storage.delete(shard, layout.metadataDir());
    }
    storage.delete(staging, layout.metadataDir());
  }

  private void releaseLockOrThrow() throws IOException {
    if (lock == null) {
      return;
    }
    try {
      lock.close();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    } finally {
      lock = null;
    }
    storage.delete(layout.lockFile(writeId), layout.metadataDir());
  }

  private void releaseLock(Exception cause) {
    // The journal must stay for recovery; only the liveness lock goes, so recovery may act on it.
    try {
      releaseLockOrThrow();
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("write " + writeId + " is already committed or aborted");
    }
  }

  /** Aborts unless committed. */
  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }

  private String manifestJson(Instant now, List<DataFile> files, List<String> deletes, String format,
      Schema schema, PartitionSpec spec) {
    JsonWriter j = new JsonWriter().beginObject();
    j.field("writeId", writeId).field("committedAt", now.toString()).field("mode", mode.name())
        .field("format", format);
    j.name("schema").beginArray();
    for (Column c : schema.columns()) {
      j.beginObject().field("name", c.name()).field("type", c.type().toString()).field("nullable", c.nullable())
          .endObject();
    }
    j.endArray();
    j.name("partitionSpec").beginArray();
    for (PartitionField f : spec.fields()) {
      j.beginObject().field("name", f.name()).field("source", f.sourceColumn())
          .field("transform", f.transform().toString()).endObject();
    }
    j.endArray();
    j.field("timeZone", spec.timeZone().getId());
    j.name("files").beginArray();
    for (DataFile f : files) {
      j.beginObject().field("path", f.path());
      j.name("partition").beginObject();
      for (Map.Entry<String, String> e : f.partition().entrySet()) {
        j.field(e.getKey(), e.getValue());
      }
      j.endObject();
      j.field("rows", f.rows()).field("bytes", f.bytes());
      j.name("columns").beginArray();
      for (ColumnStats s : f.columns()) {
        j.beginObject().field("name", s.column()).field("values", s.valueCount()).field("nulls", s.nullCount());
        s.min().ifPresent(v -> j.field("min", v));
        s.max().ifPresent(v -> j.field("max", v));
        j.endObject();
      }
      j.endArray().endObject();
    }
    j.endArray();
    j.name("deleted").beginArray();
    for (String d : deletes) {
      j.value(d);
    }
    j.endArray();
    return j.endObject().toString();
  }
}
