package dev.partita.catalog;

import dev.partita.commit.DataFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A batch of changes to a table's files and partitions that {@link Partitions#apply} makes in one catalog
 * transaction: files to add (creating their partitions as needed), files to remove, partitions to drop or to
 * deprecate. Immutable; build with {@link #builder()}.
 *
 * <p>A batch with a {@link #writeId()} is applied at most once per table: applying it again (recovery re-running
 * a commit hook) changes nothing.
 */
public final class PartitionChanges {
  private final Optional<String> writeId;
  private final List<DataFile> addedFiles;
  private final List<String> removedFiles;
  private final List<String> droppedPartitions;
  private final List<String> deprecatedPartitions;

  private PartitionChanges(Builder b) {
    this.writeId = Optional.ofNullable(b.writeId);
    this.addedFiles = List.copyOf(b.addedFiles);
    this.removedFiles = List.copyOf(b.removedFiles);
    this.droppedPartitions = List.copyOf(b.droppedPartitions);
    this.deprecatedPartitions = List.copyOf(b.deprecatedPartitions);
  }

  /** Starts an empty batch. */
  public static Builder builder() {
    return new Builder();
  }

  /** The id that makes the batch idempotent (a Partita write id); empty for none. */
  public Optional<String> writeId() {
    return writeId;
  }

  /** Files to register; their partition values name their partition, in the table's column order. */
  public List<DataFile> addedFiles() {
    return addedFiles;
  }

  /** Table-relative paths of files to unregister (an overwrite replaced them, or a crawl found them gone). */
  public List<String> removedFiles() {
    return removedFiles;
  }

  /** Hive paths of partitions to drop with their files' metadata. */
  public List<String> droppedPartitions() {
    return droppedPartitions;
  }

  /** Hive paths of partitions to mark {@link PartitionState#DEPRECATED}. */
  public List<String> deprecatedPartitions() {
    return deprecatedPartitions;
  }

  /** Whether the batch changes nothing. */
  public boolean isEmpty() {
    return addedFiles.isEmpty() && removedFiles.isEmpty() && droppedPartitions.isEmpty()
        && deprecatedPartitions.isEmpty();
  }

  /** Collects a {@link PartitionChanges}. */
  public static final class Builder {
    private String writeId;
    private final List<DataFile> addedFiles = new ArrayList<>();
    private final Set<String> removedFiles = new LinkedHashSet<>();
    private final Set<String> droppedPartitions = new LinkedHashSet<>();
    private final Set<String> deprecatedPartitions = new LinkedHashSet<>();

    private Builder() {}

    /** Makes the batch idempotent under this id. */
    public Builder writeId(String writeId) {
      this.writeId = Names.check("writeId", writeId);
      return this;
    }

    /** Registers a file. */
    public Builder addFile(DataFile file) {
      addedFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /** Registers files. */
    public Builder addFiles(Collection<DataFile> files) {
      files.forEach(this::addFile);
      return this;
    }

    /** Unregisters a file by table-relative path. */
    public Builder removeFile(String path) {
      removedFiles.add(Objects.requireNonNull(path, "path"));
      return this;
    }

    /** Drops a partition by Hive path. */
    public Builder dropPartition(String path) {
      droppedPartitions.add(Objects.requireNonNull(path, "path"));
      return this;
    }

    /** Deprecates a partition by Hive path. */
    public Builder deprecatePartition(String path) {
      deprecatedPartitions.add(Objects.requireNonNull(path, "path"));
      return this;
    }

    /** The batch. */
    public PartitionChanges build() {
      return new PartitionChanges(this);
    }
  }
}
