package dev.partita.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where files live. Paths are strings with {@code /} separators; a path is a file, and directories exist only as
 * prefixes (object-store semantics), so implementations create parents on demand. Everything above this
 * interface reaches files only through it.
 *
 * <p>The commit protocol relies on three guarantees: {@link #create} never overwrites, a stream's bytes are
 * durable once it is closed, and {@link #rename} is atomic and never replaces an existing file.
 */
public interface Storage {

  /**
   * Creates a new file for writing, with any missing parents.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the file exists
   */
  PositionOutputStream create(String path) throws IOException;

  /** Opens a file for reading. */
  InputStream open(String path) throws IOException;

  /**
   * Moves a file atomically: readers see it at {@code source} or at {@code target}, never both nor neither.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists
   */
  void rename(String source, String target) throws IOException;

  /**
   * The files under a directory, at any depth, sorted by path; empty when the directory does not exist.
   */
  List<FileEntry> list(String directory) throws IOException;

  /**
   * Deletes a file, then any parents up to (not including) {@code stopAt} that became empty. On file systems
   * with folders, a {@code path} naming a folder is removed when it is empty and left as it is otherwise.
   *
   * @return whether the file existed
   */
  boolean delete(String path, String stopAt) throws IOException;

  /** Whether a file exists at {@code path}. */
  boolean exists(String path) throws IOException;

  /**
   * Takes an exclusive lock that marks a write as alive, held until the returned handle is closed or the process
   * ends (even when it is killed). Recovery uses it to tell a crashed write from a running one.
   *
   * @return the held lock, or empty when another holder (in any process) has it
   */
  Optional<AutoCloseable> tryLock(String path) throws IOException;
}
