package dev.partita.commit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a completed commit published.
 *
 * @param writeId the write's id, which also names its files
 * @param committedAt when the commit was decided (the writer's clock)
 * @param files the published data files, in the order they were closed
 * @param deletedFiles table-relative paths of files the commit replaced (overwrite modes)
 * @param manifest table-relative path of the commit manifest
 */
public record CommitResult(String writeId, Instant committedAt, List<DataFile> files, List<String> deletedFiles,
    String manifest) {

  /** Copies the lists. */
  public CommitResult {
    Objects.requireNonNull(writeId, "writeId");
    files = List.copyOf(files);
    deletedFiles = List.copyOf(deletedFiles);
  }

  /** Rows in all published files. */
  public long totalRows() {
    return files.stream().mapToLong(DataFile::rows).sum();
  }

  /** Bytes of all published files. */
  public long totalBytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }
}
