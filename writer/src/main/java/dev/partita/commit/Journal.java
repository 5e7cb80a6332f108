package dev.partita.commit;

import dev.partita.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of a decided commit: which files to delete and which staged files to publish where. Once durable,
 * the commit is applied to the end, by the committer or by recovery; applying is idempotent.
 *
 * <p>Text layout, one entry per line, fields separated by a tab, paths table-relative and percent-escaped for
 * {@code %}, tab, CR and LF: {@code partita-journal 1}, {@code write <id>}, then {@code delete <path>} and
 * {@code publish <staging> <final>} lines, then {@code end}.
 */
record Journal(String writeId, List<String> deletes, List<Publish> publishes) {
  private static final String MAGIC = "partita-journal 1";

  /** One rename from the staging area into place. */
  record Publish(String staging, String target) {}

  Journal {
    deletes = List.copyOf(deletes);
    publishes = List.copyOf(publishes);
  }

  /** Writes the journal durably and atomically (temporary name, then rename). */
  void write(Storage storage, TableLayout layout) throws IOException {
    StringBuilder sb = new StringBuilder(MAGIC).append('\n');
    sb.append("write\t").append(escape(writeId)).append('\n');
    for (String d : deletes) {
      sb.append("delete\t").append(escape(d)).append('\n');
    }
    for (Publish p : publishes) {
      sb.append("publish\t").append(escape(p.staging)).append('\t').append(escape(p.target)).append('\n');
    }
    sb.append("end\n");
    String tmp = layout.stagingDir(writeId) + "/journal.tmp";
    try (OutputStream out = storage.create(tmp)) {
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    storage.rename(tmp, layout.journalFile(writeId));
  }

  /** Reads a journal; empty when it is incomplete (then the commit was never decided). */
  static java.util.Optional<Journal> read(Storage storage, String path) throws IOException {
    List<String> deletes = new ArrayList<>();
    List<Publish> publishes = new ArrayList<>();
    String writeId = null;
    boolean ended = false;
    try (InputStream in = storage.open(path);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      if (!MAGIC.equals(r.readLine())) {
        return java.util.Optional.empty();
      }
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "write" -> writeId = unescape(f[1]);
          case "delete" -> deletes.add(unescape(f[1]));
          case "publish" -> publishes.add(new Publish(unescape(f[1]), unescape(f[2])));
          case "end" -> ended = true;
          default -> throw new IOException("unknown journal entry '" + f[0] + "' in " + path);
        }
      }
    }
    return ended && writeId != null
        ? java.util.Optional.of(new Journal(writeId, deletes, publishes))
        : java.util.Optional.empty();
  }

  /**
   * Carries out the journal: deletes, then publishes (data files first, the manifest last). Steps already done
   * are skipped, so a crash anywhere followed by another apply completes the commit. Deletes and data files are
   * handled on up to {@code threads} threads; the listener may then be called from several threads at once.
   *
   * @throws IOException when a file to publish is neither staged nor in place (the commit cannot complete)
   */
  void apply(Storage storage, TableLayout layout, CommitListener listener, int threads) throws IOException {
    ParallelSteps.run(threads, deletes, d -> {
      if (storage.delete(layout.resolve(d), layout.root())) {
        listener.onStep(CommitStep.OLD_FILE_DELETED, d);
      }
    });
    List<Publish> data = new ArrayList<>();
    List<Publish> metadata = new ArrayList<>();
    for (Publish p : publishes) {
      (isMetadata(p) ? metadata : data).add(p);
    }
    ParallelSteps.run(threads, data, p -> publish(storage, layout, listener, p));
    for (Publish p : metadata) {
      publish(storage, layout, listener, p);
    }
    if (!storage.exists(layout.successFile())) {
      try {
        storage.create(layout.successFile()).close();
      } catch (FileAlreadyExistsException e) {
        // another commit created it first
      }
    }
    listener.onStep(CommitStep.SUCCESS_MARKED, "");
  }

  private void publish(Storage storage, TableLayout layout, CommitListener listener, Publish p) throws IOException {
    String staged = layout.resolve(p.staging);
    String target = layout.resolve(p.target);
    try {
      storage.rename(staged, target);
    } catch (FileAlreadyExistsException e) {
      if (!storage.exists(staged)) {
        return; // published before a crash
      }
      throw new IOException("cannot publish " + p.target + ": a different file already exists there; "
          + "write ids must be unique per table", e);
    } catch (NoSuchFileException e) {
      if (storage.exists(target)) {
        return; // published before a crash
      }
      throw new IOException("commit " + writeId + " cannot complete: " + p.target
          + " is neither staged nor published", e);
    }
    listener.onStep(isMetadata(p) ? CommitStep.MANIFEST_PUBLISHED : CommitStep.FILE_PUBLISHED, p.target);
  }

  private static boolean isMetadata(Publish p) {
    return p.target.startsWith(TableLayout.METADATA_DIR + "/");
  }

  /** The table-relative path of the commit manifest (the publish under {@code _partita/}). */
  String manifest() {
    for (Publish p : publishes) {
      if (p.target.startsWith(TableLayout.METADATA_DIR + "/")) {
        return p.target;
      }
    }
    throw new IllegalStateException("journal of write " + writeId + " names no manifest");
  }

  private static String escape(String s) {
    return s.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
  }

  private static String unescape(String s) {
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%09", "\t").replace("%25", "%");
  }
}
