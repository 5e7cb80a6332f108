package dev.partita.format.text.read;

import java.io.IOException;
import java.util.Arrays;

/**
 * Decoded input held in one growable char array that the readers parse in place: {@code buf[0..limit)} are the
 * chars from absolute offset {@link #base} on (the numbering {@link Utf8Source} reports invalid bytes in). A
 * reader keeps what it still needs (the current record or line) from an index it names, and {@link #more}
 * drops the chars before it, moving the rest to the front.
 */
final class CharWindow {
  /** {@link #more} could not read: the kept chars fill the largest array allowed. */
  static final int FULL = 0;
  /** {@link #more} could not read: the input has ended. */
  static final int END = -1;

  private final Utf8Source source;
  private final int maxChars;
  /** The chars; replaced by a larger array when the kept chars fill it. */
  char[] buf = new char[1 << 16];
  /** Number of valid chars in {@link #buf}. */
  int limit;
  /** Absolute offset of {@code buf[0]}. */
  long base;
  private boolean eof;

  CharWindow(Utf8Source source, int maxChars) {
    this.source = source;
    this.maxChars = maxChars;
  }

  /**
   * Decodes more chars after {@link #limit}. First drops the chars before index {@code keep}: indexes into
   * {@link #buf} then move down by {@code keep}, and {@link #base} up by as much (the caller adjusts its own
   * indexes by the change of {@link #base}, also when nothing was read).
   *
   * @return the number of chars added, {@link #END} at the end of the input, or {@link #FULL} when the chars from
   *     {@code keep} on fill an array of the largest size allowed
   */
  int more(int keep) throws IOException {
    if (eof) {
      return END;
    }
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, limit - keep);
      base += keep;
      limit -= keep;
    }
    if (buf.length - limit < 1024) {
      if (buf.length >= maxChars) {
        return FULL;
      }
      buf = Arrays.copyOf(buf, Math.min(maxChars, buf.length * 2));
    }
    int n = source.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return END;
    }
    limit += n;
    return n;
  }

  /** Whether the input has ended (once {@link #more} returned {@link #END}). */
  boolean ended() {
    return eof;
  }
}
