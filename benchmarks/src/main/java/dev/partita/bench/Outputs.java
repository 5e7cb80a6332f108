package dev.partita.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The scratch directories benchmarks write tables into: one fresh directory per measured write, measured and
 * deleted after it. The base is {@code -Dpartita.bench.dir} or the temporary directory.
 */
final class Outputs {
  private final Path base;
  private long next;

  Outputs() {
    try {
      Path parent = Path.of(System.getProperty("partita.bench.dir", System.getProperty("java.io.tmpdir")));
      Files.createDirectories(parent);
      base = Files.createTempDirectory(parent, "partita-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the benchmark scratch directory", e);
    }
  }

  /** A directory path that does not exist yet. */
  Path newTable() {
    return base.resolve("t" + next++);
  }

  /**
   * Size and count of the data files under {@code table}: every regular file except those under or named with a
   * leading {@code _} or {@code .} (Partita's {@code _partita} metadata, {@code _SUCCESS}, checksum files).
   */
  static DirSize measure(Path table) {
    long[] acc = new long[2];
    if (!Files.exists(table)) {
      return new DirSize(0, 0);
    }
    try {
      Files.walkFileTree(table, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(table) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !hidden(file)) {
            acc[0] += attrs.size();
            acc[1]++;
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + table, e);
    }
    return new DirSize(acc[0], acc[1]);
  }

  private static boolean hidden(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith("_") || name.startsWith(".");
  }

  /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          if (e != null) {
            throw e;
          }
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** Deletes the base directory. */
  void deleteAll() {
    delete(base);
  }

  /** Bytes and number of data files of one written table. */
  record DirSize(long bytes, long files) {}
}
