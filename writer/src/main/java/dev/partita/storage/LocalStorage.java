package dev.partita.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Storage} on the local file system through {@code java.nio}. Renames are atomic and never replace a
 * file (a hard link, or an atomic move after a no-replace check). By default closed files and renamed-into
 * directories are forced to disk, so a committed file survives a power cut; {@link #withoutSync()} skips that
 * (a crash of the process still loses nothing, a crash of the machine may).
 */
public final class LocalStorage implements Storage {
  private static final LocalStorage DURABLE = new LocalStorage(true);
  private static final LocalStorage UNSYNCED = new LocalStorage(false);

  private final boolean sync;

  private LocalStorage(boolean sync) {
    this.sync = sync;
  }

  /** The local file system, forcing files and directories to disk on close and rename. */
  public static LocalStorage instance() {
    return DURABLE;
  }

  /**
   * The local file system without forcing to disk: much faster for many small files, as safe against process
   * crashes, not against power loss or kernel crashes.
   */
  public static LocalStorage withoutSync() {
    return UNSYNCED;
  }

  @Override
  public PositionOutputStream create(String path) throws IOException {
    Path p = Path.of(path);
    FileChannel ch = inDirectory(p.toAbsolutePath().getParent(),
        () -> FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    return new ChannelOutputStream(ch, sync);
  }

  @Override
  public InputStream open(String path) throws IOException {
    return Files.newInputStream(Path.of(path));
  }

  @Override
  public void rename(String source, String target) throws IOException {
    Path s = Path.of(source);
    Path t = Path.of(target);
    Path parent = t.toAbsolutePath().getParent();
    // A hard link fails atomically when the target exists; the move below is the fallback for file systems
    // without links.
    try {
      try {
        Files.createLink(t, s);
      } catch (NoSuchFileException e) {
        if (!Files.exists(s)) {
          throw e; // the source is missing: no folder to make
        }
        inDirectory(parent, () -> Files.createLink(t, s)); // the target's folder is new
      }
      Files.delete(s);
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      if (e instanceof FileAlreadyExistsException) {
        if (Files.exists(s) && Files.isSameFile(s, t)) {
          Files.delete(s); // linked before a crash that came before the source was removed
          return;
        }
        throw e;
      }
      if (Files.exists(t)) {
        throw new FileAlreadyExistsException(target);
      }
      try {
        Files.move(s, t, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException a) {
        throw new IOException("cannot rename " + source + " to " + target + " atomically", a);
      }
    }
    if (sync) {
      forceDirectory(parent);
    }
  }

  /** An action on a file of a directory that must exist. */
  @FunctionalInterface
  private interface InDirectory<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code action} on a file of {@code dir}, creating {@code dir} first when the action finds it missing (most
   * actions land in a folder that exists, which then costs no extra call). {@link #delete} removes directories it
   * empties, so another writer of the same table may remove {@code dir} between its creation and the action (or
   * inside {@link Files#createDirectories}); then both are retried.
   */
  private static <T> T inDirectory(Path dir, InDirectory<T> action) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return action.run();
      } catch (NoSuchFileException e) {
        if (attempt >= 100 || dir == null || (attempt > 1 && Files.isDirectory(dir))) {
          throw e;
        }
      }
      try {
        Files.createDirectories(dir);
      } catch (FileAlreadyExistsException e) {
        // createDirectories saw the directory, then could not find it: a concurrent delete removed it.
        if (attempt >= 100 || Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          throw e;
        }
      } catch (NoSuchFileException e) {
        // A parent it had just made was removed by a concurrent delete before the next level was made.
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot open directories; the rename is still atomic, only its durability is weaker.
    }
  }

  @Override
  public List<FileEntry> list(String directory) throws IOException {
    Path d = Path.of(directory);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    List<FileEntry> out = new ArrayList<>();
    // Other processes (concurrent writers, recovery) create and delete files under the directory while it is
    // walked: an entry or folder that vanishes between being read and being visited is skipped, not an error.
    Files.walkFileTree(d, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
        if (a.isRegularFile()) {
          out.add(new FileEntry(p.toString(), a.size(), a.lastModifiedTime().toMillis()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null && !(e instanceof NoSuchFileException)) {
          throw e;
        }
        return FileVisitResult.CONTINUE;
      }
    });
    out.sort(Comparator.comparing(FileEntry::path));
    return out;
  }

  @Override
  public boolean delete(String path, String stopAt) throws IOException {
    Path p = Path.of(path);
    boolean existed;
    try {
      existed = Files.deleteIfExists(p);
    } catch (DirectoryNotEmptyException e) {
      return false;
    }
    Path stop = Path.of(stopAt).toAbsolutePath().normalize();
    Path dir = p.toAbsolutePath().normalize().getParent();
    while (dir != null && dir.startsWith(stop) && !dir.equals(stop)) {
      try {
        Files.deleteIfExists(dir);
      } catch (DirectoryNotEmptyException e) {
        break;
      }
      dir = dir.getParent();
    }
    return existed;
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(Path.of(path));
  }

  @Override
  public Optional<AutoCloseable> tryLock(String path) throws IOException {
    Path p = Path.of(path);
    FileChannel ch = inDirectory(p.toAbsolutePath().getParent(),
        () -> FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM
    }
    if (lock == null) {
      ch.close();
      return Optional.empty();
    }
    FileLock held = lock;
    return Optional.of(() -> {
      try {
        held.release();
      } finally {
        ch.close();
      }
    });
  }

  /**
   * Buffered writes to a channel, forced to disk on close. The buffer is made on the first small write and given
   * back by {@link #flush()}, so that an open file between writes (a partition waiting for its next row group)
   * holds no buffer.
   */
  private static final class ChannelOutputStream extends PositionOutputStream {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final FileChannel channel;
    private final boolean sync;
    private ByteBuffer buffer;
    private long position;
    private boolean closed;

    ChannelOutputStream(FileChannel channel, boolean sync) {
      this.channel = channel;
      this.sync = sync;
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      if (buffer == null) {
        buffer = ByteBuffer.allocate(BUFFER_SIZE);
      } else if (!buffer.hasRemaining()) {
        drain();
      }
      buffer.put((byte) b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len >= BUFFER_SIZE) {
        drain();
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        while (src.hasRemaining()) {
          channel.write(src);
        }
      } else {
        if (buffer == null) {
          buffer = ByteBuffer.allocate(BUFFER_SIZE);
        } else if (len > buffer.remaining()) {
          drain();
        }
        buffer.put(b, off, len);
      }
      position += len;
    }

    private void drain() throws IOException {
      if (buffer == null) {
        return;
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }

    /** Writes out what is buffered and releases the buffer (not a sync: that happens on close). */
    @Override
    public void flush() throws IOException {
      drain();
      buffer = null;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        drain();
        if (sync) {
          channel.force(true);
        }
      } finally {
        channel.close();
      }
    }
  }
}
