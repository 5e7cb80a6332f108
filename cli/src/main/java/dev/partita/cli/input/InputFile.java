package dev.partita.cli.input;

import dev.partita.format.text.read.Compression;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file: where it is, how it is written and compressed.
 *
 * @param path the file
 * @param format its text format
 * @param compression its compression, from its name
 * @param size its size on disk in bytes
 */
public record InputFile(Path path, InputFormat format, Compression compression, long size) {

  /** Validates the components. */
  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compression, "compression");
  }

  /** The name used in messages: the path as given. */
  public String name() {
    return path.toString();
  }

  /**
   * Opens the file for reading, decompressed; every compressed byte read is added to {@code meter}.
   *
   * @throws InputException when the file cannot be opened or its compression header is bad
   */
  public InputStream open(ByteMeter meter) {
    InputStream raw;
    try {
      raw = new Counting(Files.newInputStream(path), meter);
    } catch (IOException e) {
      throw new InputException("cannot open input " + path + ": " + e.getMessage(), e);
    }
    try {
      return compression.decompress(raw);
    } catch (IOException e) {
      try {
        raw.close();
      } catch (IOException c) {
        e.addSuppressed(c);
      }
      throw new InputException(path + " is not valid " + compression.name().toLowerCase(java.util.Locale.ROOT)
          + " data: " + e.getMessage(), e);
    }
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private final ByteMeter meter;

    Counting(InputStream in, ByteMeter meter) {
      super(in);
      this.meter = meter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        meter.add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        meter.add(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = in.skip(n);
      meter.add(s);
      return s;
    }
  }
}
