package dev.partita.jobs.internal;

import dev.partita.format.text.read.Compression;
import dev.partita.jobs.FileMark;
import dev.partita.jobs.PlannedInput;
import dev.partita.jobs.source.ChangedFilePolicy;
import dev.partita.jobs.source.FileSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Lists a file source against its bookmark, and opens files for reading with size and hash tracking. */
public final class FileInputs {
  private FileInputs() {}

  /**
   * A file of a source and what a run does with it.
   *
   * @param path the absolute path
   * @param relative the path relative to the source directory, {@code /}-separated
   * @param refreshed for {@link PlannedInput.Action#SKIP_SAME_CONTENT}: the entry to record instead of the old one
   */
  public record Planned(Path path, String relative, long size, Instant modified, PlannedInput.Action action,
      String detail, Optional<FileMark> refreshed) {

    /** Whether a run reads it. */
    public boolean reads() {
      return action == PlannedInput.Action.READ_NEW || action == PlannedInput.Action.READ_CHANGED;
    }

    /** This file as a dry run lists it. */
    public PlannedInput toInput(String source) {
      return new PlannedInput(source, relative, action, size, detail);
    }
  }

  /**
   * The files of {@code source} a run considers, in path order: new and changed ones (with their action), leaving
   * out files the bookmark holds unchanged.
   *
   * @throws IOException when the directory cannot be listed
   */
  public static List<Planned> plan(FileSource source, Map<String, FileMark> marks, Instant now) throws IOException {
    List<Planned> out = new ArrayList<>();
    int reads = 0;
    for (Listed f : list(source)) {
      FileMark mark = marks.get(f.relative);
      PlannedInput.Action action;
      String detail;
      Optional<FileMark> refreshed = Optional.empty();
      if (mark == null) {
        action = PlannedInput.Action.READ_NEW;
        detail = "new";
      } else if (mark.size() == f.size && mark.modifiedAt().equals(f.modified)) {
        continue;
      } else {
        detail = "changed since run " + mark.run() + ": size " + mark.size() + " -> " + f.size + ", modified "
            + mark.modifiedAt() + " -> " + f.modified;
        if (source.contentHash() && mark.contentHash().isPresent()
            && mark.contentHash().get().equals(hash(f.path))) {
          action = PlannedInput.Action.SKIP_SAME_CONTENT;
          detail = "touched since run " + mark.run() + " but its content hash is unchanged";
          refreshed = Optional.of(new FileMark(source.name(), f.relative, f.size, f.modified, mark.contentHash(),
              mark.run()));
        } else if (source.changedFiles() == ChangedFilePolicy.REPROCESS) {
          action = PlannedInput.Action.READ_CHANGED;
        } else {
          action = PlannedInput.Action.SKIP_CHANGED;
          detail += " (changed files are ignored)";
        }
      }
      boolean reading = action == PlannedInput.Action.READ_NEW || action == PlannedInput.Action.READ_CHANGED;
      if (reading && f.modified.isAfter(now.minus(source.settleTime()))) {
        action = PlannedInput.Action.SKIP_UNSETTLED;
        detail = "modified at " + f.modified + ", within the settle time " + source.settleTime();
      } else if (reading && reads >= source.maxFilesPerRun()) {
        action = PlannedInput.Action.SKIP_LIMIT;
        detail = "over maxFilesPerRun " + source.maxFilesPerRun() + "; left for a later run";
      } else if (reading) {
        reads++;
      }
      out.add(new Planned(f.path, f.relative, f.size, f.modified, action, detail, refreshed));
    }
    return out;
  }

  private record Listed(Path path, String relative, long size, Instant modified) {}

  private static List<Listed> list(FileSource source) throws IOException {
    Path dir = source.directory();
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "the directory of source '" + source.name()
          + "' does not exist");
    }
    PathMatcher matcher = source.matcher();
    List<Listed> out = new ArrayList<>();
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        return d.equals(dir) || !hidden(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        Path rel = dir.relativize(f);
        if (attrs.isRegularFile() && !hidden(f) && matcher.matches(rel)) {
          out.add(new Listed(f, relative(rel), attrs.size(), micros(attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS))));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE; // removed while listing
        }
        throw e;
      }
    });
    out.sort((a, b) -> a.relative.compareTo(b.relative));
    return out;
  }

  private static boolean hidden(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") || name.startsWith("_");
  }

  private static String relative(Path rel) {
    StringBuilder sb = new StringBuilder();
    for (Path part : rel) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  static Instant micros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  /** Hex SHA-256 of a file's bytes. */
  static String hash(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        digest.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Hex SHA-256 of the first {@code size} bytes of an open file, read positionally. */
  private static String hash(FileChannel channel, long size) throws IOException {
    MessageDigest digest = sha256();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    for (long at = 0; at < size; ) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), size - at));
      int n = channel.read(buf, at);
      if (n < 0) {
        throw new IOException("file shrank while it was hashed");
      }
      buf.flip();
      digest.update(buf);
      at += n;
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /**
   * An open file: its records, and after reading, the bytes read and their hash. Text files are counted and
   * hashed as they stream; a Parquet file (read at random) is hashed from the same open file before reading, and
   * counts its whole size.
   */
  public static final class Opened implements AutoCloseable {
    private final Counting counting;
    private final RecordReader reader;
    private final long size;
    private final Optional<String> fileHash;

    private Opened(Counting counting, RecordReader reader) {
      this.counting = counting;
      this.reader = reader;
      this.size = -1;
      this.fileHash = Optional.empty();
    }

    private Opened(RecordReader reader, long size, Optional<String> fileHash) {
      this.counting = null;
      this.reader = reader;
      this.size = size;
      this.fileHash = fileHash;
    }

    /** The records. */
    public RecordReader reader() {
      return reader;
    }

    /** Bytes read from the file so far (compressed bytes for {@code .gz}; the file's size for Parquet). */
    public long bytes() {
      return counting == null ? size : counting.count;
    }

    /** Hex SHA-256 of the bytes read, when hashing; call after reading to the end. */
    public Optional<String> hash() {
      if (counting == null) {
        return fileHash;
      }
      return counting.digest == null ? Optional.empty()
          : Optional.of(HexFormat.of().formatHex(counting.digest.digest()));
    }

    /** Reads what is left of the file (so its size and hash cover all of it). */
    public void drain() throws IOException {
      if (counting == null) {
        return;
      }
      byte[] buf = new byte[8192];
      while (counting.read(buf, 0, buf.length) >= 0) {
        // counted and hashed
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /** Opens a planned file of {@code source} for reading. */
  public static Opened open(FileSource source, Path path, String relative) throws IOException {
    if (source.format() == FileSource.Format.PARQUET) {
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
      try {
        long size = channel.size();
        Optional<String> hash = source.contentHash() ? Optional.of(hash(channel, size)) : Optional.empty();
        return new Opened(new ParquetRecordReader(channel, source.schema(), relative), size, hash);
      } catch (IOException | RuntimeException e) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
    Counting counting = new Counting(Files.newInputStream(path), source.contentHash() ? sha256() : null);
    try {
      InputStream in = Compression.fromFileName(path.getFileName().toString()).decompress(counting);
      RecordReader reader = switch (source.format()) {
        case CSV, JSON_LINES -> TextFileReader.open(source, in, relative);
        case PARQUET -> throw new IllegalStateException("Parquet files are opened above");
      };
      return new Opened(counting, reader);
    } catch (IOException | RuntimeException e) {
      counting.close();
      throw e;
    }
  }

  /** The modification time of a file now. */
  public static Instant modified(Path path) throws IOException {
    return micros(Files.getLastModifiedTime(path).to(TimeUnit.MICROSECONDS));
  }

  /** Counts and optionally hashes the raw bytes. */
  private static final class Counting extends FilterInputStream {
    private final MessageDigest digest;
    private long count;

    Counting(InputStream in, MessageDigest digest) {
      super(in);
      this.digest = digest;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
        if (digest != null) {
          digest.update((byte) b);
        }
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        if (digest != null) {
          digest.update(b, off, n);
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
      long done = 0;
      while (done < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }
  }
}
