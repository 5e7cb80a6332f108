package dev.partita.format.text.read;

import java.io.IOException;
import java.io.Reader;

/**
 * The decoded input as the JSON parser reads it. Positions are absolute char offsets in the decoded input (the
 * byte order mark included), the numbering {@link Utf8Source} reports invalid bytes in.
 *
 * <p>In line mode the feed hands out at most one line per {@link #read} call, and once the reader has
 * {@linkplain #lock() locked} the current line (a record started on it), a request for more than that line
 * fails with {@link LineEnded}: a record cannot run past its line. The current line stays in the buffer, so
 * that {@link #restOfLineBlank} can look at what follows a record, and {@link #skipLine} can drop a bad line.
 * Without line mode the feed hands out whatever is decoded and keeps nothing.
 */
final class JsonFeed extends Reader {
  /** A record ran past the end of its line. Created only for bad lines. */
  static final class LineEnded extends IOException {
    private static final long serialVersionUID = 1L;

    LineEnded() {
      super("Unexpected end of line inside the JSON value: a JSON Lines record must be one whole object on one"
          + " line", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private final String file;
  private final Utf8Source source;
  private final boolean lines;
  private final int maxLine;
  private final CharWindow window;
  /** The window's array and size, copied after each {@link #more()}. */
  private char[] buf;
  private int limit;
  private int pos;
  /** Chars before this index may be dropped from the buffer. */
  private int keep;
  private boolean started;
  private boolean bom;
  /** Line mode: 1-based line of the char at {@code pos}. */
  private long line = 1;
  /** Line mode: part of the line at {@code pos} has been handed out. */
  private boolean lineOpen;
  /** Line mode: the last line ended with CR, so a LF at {@code pos} still belongs to it. */
  private boolean afterCr;
  private boolean locked;

  JsonFeed(String file, Utf8Source source, boolean lines, int maxLine) {
    this.file = file;
    this.source = source;
    this.lines = lines;
    this.maxLine = maxLine;
    this.window = new CharWindow(source, maxLine);
    this.buf = window.buf;
  }

  /** Reads ahead far enough to skip a byte order mark; true when the input starts with one. */
  boolean start() throws IOException {
    if (!started) {
      started = true;
      if (more() && buf[0] == '\uFEFF') {
        pos = 1;
        keep = 1;
        bom = true;
      }
    }
    return bom;
  }

  /** The absolute offset of the next char to hand out. */
  long position() {
    return window.base + pos;
  }

  /** Line mode: the 1-based line of the next char to hand out. */
  long line() {
    return line;
  }

  /** Line mode: no read may go past the current line until {@link #release()}. */
  void lock() {
    locked = true;
  }

  /** Line mode: reads may go on to the next line. */
  void release() {
    locked = false;
  }

  @Override
  public int read(char[] dst, int off, int len) throws IOException {
    start();
    if (pos == limit && !more()) {
      return -1;
    }
    if (!lines) {
      int n = Math.min(len, limit - pos);
      System.arraycopy(buf, pos, dst, off, n);
      pos += n;
      keep = pos;
      return n;
    }
    if (afterCr) {
      afterCr = false;
      if (buf[pos] == '\n') {
        dst[off] = '\n';
        pos++;
        keep = pos;
        return 1;
      }
    }
    if (!lineOpen) {
      if (locked) {
        throw new LineEnded();
      }
      lineOpen = true;
      keep = pos;
    }
    int n = 0;
    while (n < len) {
      if (pos == limit && !more()) {
        break;
      }
      char c = buf[pos++];
      dst[off + n++] = c;
      if (c == '\n' || c == '\r') {
        if (c == '\r' && n < len && (pos < limit || more()) && buf[pos] == '\n') {
          dst[off + n++] = '\n';
          pos++;
        } else if (c == '\r') {
          afterCr = true;
        }
        lineOpen = false;
        line++;
        break;
      }
    }
    return n;
  }

  /**
   * Line mode: whether the chars from absolute offset {@code from} to the end of the current line are all white
   * space. Reads ahead as needed without handing anything out.
   */
  boolean restOfLineBlank(long from) throws IOException {
    int i = (int) (from - window.base);
    while (true) {
      if (i == limit) {
        int shift = keep;
        if (!more()) {
          return true;
        }
        i -= shift - keep;
      }
      char c = buf[i];
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
      i++;
    }
  }

  /** Line mode: drops the rest of the current line, its line break included, and releases the lock. */
  void skipLine() throws IOException {
    locked = false;
    if (afterCr) {
      afterCr = false;
      if ((pos < limit || more()) && buf[pos] == '\n') {
        pos++;
      }
    }
    while (lineOpen) {
      if (pos == limit) {
        keep = pos;
        if (!more()) {
          lineOpen = false;
          break;
        }
      }
      char c = buf[pos++];
      if (c == '\n' || c == '\r') {
        if (c == '\r') {
          afterCr = true;
        }
        lineOpen = false;
        line++;
      }
    }
    if (afterCr) {
      afterCr = false;
      if ((pos < limit || more()) && buf[pos] == '\n') {
        pos++;
      }
    }
    keep = pos;
  }

  /** Decodes more chars, dropping those before {@code keep}; false at the end of the input. */
  private boolean more() throws IOException {
    long before = window.base;
    int n = window.more(keep);
    int shift = (int) (window.base - before);
    pos -= shift;
    keep -= shift;
    buf = window.buf;
    limit = window.limit;
    if (n == CharWindow.FULL) {
      throw new TextInputException(file + ", line " + line + ": a line longer than "
          + (maxLine >> 20) + "M characters");
    }
    return n > 0;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
