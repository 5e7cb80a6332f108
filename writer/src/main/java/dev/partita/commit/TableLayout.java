package dev.partita.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where things live in a table directory. Data files sit in partition directories under the root; everything
 * else sits under {@code _partita/}, which Hive, Spark, Trino and DuckDB's hive globs skip:
 *
 * <pre>
 * root/year=2024/month=3/part-&lt;writeId&gt;-00001.snappy.parquet   published data file
 * root/_SUCCESS                                                     marker, created by the first commit
 * root/_partita/staging/&lt;writeId&gt;/&lt;0-f&gt;/part-&lt;writeId&gt;-00001.snappy.parquet.inprogress   files being written
 * root/_partita/locks/&lt;writeId&gt;.lock                                held while the write is alive
 * root/_partita/journal/&lt;writeId&gt;.journal                            a commit in flight
 * root/_partita/commits/&lt;millis&gt;-&lt;writeId&gt;.json                    manifest of a completed commit
 * </pre>
 */
public final class TableLayout {
  /** Folder of Partita's own files under the table root. */
  public static final String METADATA_DIR = "_partita";
  /** Staging subfolders per write. */
  public static final int STAGING_SHARDS = 16;
  /** Suffix of files still being written. */
  public static final String IN_PROGRESS_SUFFIX = ".inprogress";

  private final String root;

  /** The layout of the table at {@code root} ({@code /}-separated; a trailing slash is ignored). */
  public TableLayout(String root) {
    Objects.requireNonNull(root, "root");
    String r = root.replaceAll("/{2,}", "/");
    while (r.length() > 1 && r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    if (r.isEmpty()) {
      throw new IllegalArgumentException("table root must not be empty");
    }
    this.root = r;
  }

  /** The table root. */
  public String root() {
    return root;
  }

  /** The location of a table-relative path. */
  public String resolve(String relative) {
    return relative.isEmpty() ? root : root + "/" + relative;
  }

  /** The table-relative form of a location under the root. */
  public String relativize(String location) {
    String prefix = root + "/";
    if (!location.startsWith(prefix)) {
      throw new IllegalArgumentException(location + " is not under the table root " + root);
    }
    return location.substring(prefix.length());
  }

  /** {@code _partita}. */
  public String metadataDir() {
    return resolve(METADATA_DIR);
  }

  /** The staging folder of one write. */
  public String stagingDir(String writeId) {
    return resolve(METADATA_DIR + "/staging/" + writeId);
  }

  /**
   * Where the file to be published at {@code relative} is written first: in one of the write's
   * {@value #STAGING_SHARDS} staging subfolders (chosen by the file's name), named by the file's own name (the last
   * segment of {@code relative}). So staging makes a few folders per write, not one per partition, and writer
   * threads creating files at the same time seldom wait on the same folder's lock. File names must therefore be
   * unique within a write, as Partita's are (they carry the write id and a counter);
   * {@link dev.partita.storage.Storage#create} refuses a second file of the same name.
   */
  public String stagingFile(String writeId, String relative) {
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    return stagingDir(writeId) + "/" + Integer.toHexString(Math.floorMod(name.hashCode(), STAGING_SHARDS)) + "/"
        + name + IN_PROGRESS_SUFFIX;
  }

  /** The write's staging subfolders (see {@link #stagingFile}), for removing them once empty. */
  public List<String> stagingShards(String writeId) {
    List<String> out = new ArrayList<>(STAGING_SHARDS);
    for (int i = 0; i < STAGING_SHARDS; i++) {
      out.add(stagingDir(writeId) + "/" + Integer.toHexString(i));
    }
    return out;
  }

  /** The liveness lock of one write. */
  public String lockFile(String writeId) {
    return resolve(METADATA_DIR + "/locks/" + writeId + ".lock");
  }

  /** The folder of journals. */
  public String journalDir() {
    return resolve(METADATA_DIR + "/journal");
  }

  /** The journal of one write's commit. */
  public String journalFile(String writeId) {
    return journalDir() + "/" + writeId + ".journal";
  }

  /** The folder of commit manifests. */
  public String commitsDir() {
    return resolve(METADATA_DIR + "/commits");
  }

  /** The {@code _SUCCESS} marker. */
  public String successFile() {
    return resolve("_SUCCESS");
  }

  /**
   * Whether a table-relative path is a data file readers see: no segment starts with {@code _} or {@code .}
   * (Hive's and Spark's rule for hidden files).
   */
  public static boolean isDataFile(String relative) {
    for (String seg : relative.split("/", -1)) {
      if (seg.isEmpty() || seg.charAt(0) == '_' || seg.charAt(0) == '.') {
        return false;
      }
    }
    return true;
  }
}
