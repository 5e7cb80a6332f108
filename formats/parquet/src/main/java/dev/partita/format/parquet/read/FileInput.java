package dev.partita.format.parquet.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional reads over a shared file channel, with a small read-ahead window so that Thrift can decode page
 * headers byte by byte. Reads never move the channel's position, so one instance per column chunk can share a
 * channel. Not thread-safe.
 */
final class FileInput extends InputStream {
  private static final int WINDOW = 32 * 1024;

  private final FileChannel channel;
  private final String file;
  private final long limit;
  private final byte[] window = new byte[WINDOW];
  private long windowStart;
  private int windowLength;
  private long position;

  /**
   * @param limit the end of the readable region (the start of the footer)
   */
  FileInput(FileChannel channel, String file, long limit) {
    this.channel = channel;
    this.file = file;
    this.limit = limit;
  }

  void seek(long to) {
    this.position = to;
  }

  long position() {
    return position;
  }

  @Override
  public int read() throws IOException {
    if (!buffered(position) && !fill(position)) {
      return -1;
    }
    return window[(int) (position++ - windowStart)] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!buffered(position) && !fill(position)) {
      return -1;
    }
    int n = (int) Math.min(len, windowStart + windowLength - position);
    System.arraycopy(window, (int) (position - windowStart), b, off, n);
    position += n;
    return n;
  }

  /** Reads exactly {@code len} bytes at the current position. */
  void readFully(byte[] b, int off, int len) throws IOException {
    if (position + len > limit) {
      throw new EOFException(file + ": a page of " + len + " bytes at offset " + position + " runs past the data"
          + " (which ends at " + limit + "); the file is truncated or its metadata is corrupt");
    }
    int done = 0;
    if (buffered(position)) {
      done = (int) Math.min(len, windowStart + windowLength - position);
      System.arraycopy(window, (int) (position - windowStart), b, off, done);
      position += done;
    }
    if (done < len) {
      ByteBuffer dst = ByteBuffer.wrap(b, off + done, len - done);
      while (dst.hasRemaining()) {
        int n = channel.read(dst, position);
        if (n < 0) {
          throw new EOFException(file + ": unexpected end of file at offset " + position);
        }
        position += n;
      }
    }
  }

  /** Moves past {@code n} bytes. */
  void skipBytes(long n) {
    position += n;
  }

  private boolean buffered(long at) {
    return at >= windowStart && at < windowStart + windowLength;
  }

  private boolean fill(long at) throws IOException {
    windowStart = at;
    windowLength = 0;
    int want = (int) Math.min(WINDOW, limit - at);
    if (want <= 0) {
      return false;
    }
    ByteBuffer dst = ByteBuffer.wrap(window, 0, want);
    while (dst.hasRemaining()) {
      int n = channel.read(dst, at + dst.position());
      if (n < 0) {
        break;
      }
    }
    windowLength = dst.position();
    return windowLength > 0;
  }
}
