package dev.partita.storage;

import java.util.Objects;

/**
 * A file found by {@link Storage#list}.
 *
 * @param path the file's location in the storage's path syntax
 * @param size its length in bytes
 * @param modifiedMillis its last modification time, epoch milliseconds
 */
public record FileEntry(String path, long size, long modifiedMillis) {

  /** Validates the components. */
  public FileEntry {
    Objects.requireNonNull(path, "path");
  }
}
