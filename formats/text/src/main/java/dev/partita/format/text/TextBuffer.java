package dev.partita.format.text;

import dev.partita.PartitaException;
import java.util.Arrays;

/**
 * A growable byte array that text is encoded into: UTF-8, decimal digits, ISO-8601 dates and times and base64,
 * all written in place without intermediate strings. Reused for every chunk of a file.
 */
final class TextBuffer {
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;
  private static final byte[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(
          java.nio.charset.StandardCharsets.US_ASCII);
  static final long MICROS_PER_DAY = 86_400_000_000L;

  private byte[] bytes;
  private int size;

  TextBuffer(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  int size() {
    return size;
  }

  byte[] array() {
    return bytes;
  }

  int capacity() {
    return bytes.length;
  }

  void reset() {
    size = 0;
  }

  private void ensure(int extra) {
    if (bytes.length - size < extra) {
      long needed = (long) size + extra;
      if (needed > MAX_CAPACITY) {
        throw new PartitaException("text chunk would exceed 2 GB: a single row is too large");
      }
      bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_CAPACITY, Math.max(needed, 2L * bytes.length)));
    }
  }

  void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  void put(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  /** Whether the bytes from {@code start} to the end equal {@code b}. */
  boolean endsWith(int start, byte[] b) {
    return size - start == b.length && Arrays.equals(bytes, start, size, b, 0, b.length);
  }

  /** Inserts {@code b} at {@code at}, moving what follows. */
  void insert(int at, byte[] b) {
    ensure(b.length);
    System.arraycopy(bytes, at, bytes, at + b.length, size - at);
    System.arraycopy(b, 0, bytes, at, b.length);
    size += b.length;
  }

  /** Writes a string known to be ASCII, as {@code Double.toString} and {@code BigDecimal.toPlainString} give. */
  void putAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  /**
   * Writes the UTF-8 encoding of {@code c}, or of the supplementary character {@code c} starts with {@code next}.
   * An unpaired surrogate is written as {@code ?}, as {@link String#getBytes} does.
   *
   * @return 2 when a surrogate pair was consumed, else 1
   */
  int putChar(char c, int next) {
    ensure(4);
    if (c < 0x80) {
      bytes[size++] = (byte) c;
    } else if (c < 0x800) {
      bytes[size++] = (byte) (0xC0 | c >> 6);
      bytes[size++] = (byte) (0x80 | c & 0x3F);
    } else if (Character.isSurrogate(c)) {
      if (Character.isHighSurrogate(c) && next >= 0 && Character.isLowSurrogate((char) next)) {
        int cp = Character.toCodePoint(c, (char) next);
        bytes[size++] = (byte) (0xF0 | cp >> 18);
        bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
        bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
        bytes[size++] = (byte) (0x80 | cp & 0x3F);
        return 2;
      }
      bytes[size++] = '?';
    } else {
      bytes[size++] = (byte) (0xE0 | c >> 12);
      bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
      bytes[size++] = (byte) (0x80 | c & 0x3F);
    }
    return 1;
  }

  /** Writes {@code s} as UTF-8. */
  void putUtf8(String s) {
    int n = s.length();
    ensure(n);
    int i = 0;
    // ASCII fast path.
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      bytes[size++] = (byte) c;
      i++;
    }
    while (i < n) {
      i += putChar(s.charAt(i), i + 1 < n ? s.charAt(i + 1) : -1);
    }
  }

  /** Writes a signed decimal integer. */
  void putLong(long v) {
    if (v == Long.MIN_VALUE) {
      putAscii("-9223372036854775808");
      return;
    }
    ensure(20);
    if (v < 0) {
      bytes[size++] = '-';
      v = -v;
    }
    int digits = digitCount(v);
    int end = size + digits;
    for (int p = end - 1; p >= size; p--) {
      bytes[p] = (byte) ('0' + v % 10);
      v /= 10;
    }
    size = end;
  }

  /** Writes a non-negative {@code v} with at least {@code width} digits, zero-padded. */
  void putPadded(long v, int width) {
    int digits = digitCount(v);
    ensure(Math.max(digits, width));
    for (int i = digits; i < width; i++) {
      bytes[size++] = '0';
    }
    int end = size + digits;
    for (int p = end - 1; p >= size; p--) {
      bytes[p] = (byte) ('0' + v % 10);
      v /= 10;
    }
    size = end;
  }

  private static int digitCount(long v) {
    int d = 1;
    while (v >= 10) {
      v /= 10;
      d++;
    }
    return d;
  }

  /**
   * Writes a date as ISO-8601 {@code yyyy-MM-dd}, as {@link java.time.LocalDate#toString} does: years outside
   * 0000..9999 get a sign ({@code +10000-01-01}, {@code -0001-12-31}).
   */
  void putDate(long epochDay) {
    // Civil-from-days over 400-year eras (proleptic Gregorian calendar, as java.time).
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0) {
      put((byte) '-');
      putPadded(-year, 4);
    } else {
      if (year > 9999) {
        put((byte) '+');
      }
      putPadded(year, 4);
    }
    put((byte) '-');
    putPadded(month, 2);
    put((byte) '-');
    putPadded(day, 2);
  }

  /** Writes a time of day, {@code 0 <= micros < 86400000000}, as {@code HH:mm:ss.SSSSSS}. */
  void putTime(long micros) {
    long seconds = micros / 1_000_000;
    putPadded(seconds / 3600, 2);
    put((byte) ':');
    putPadded(seconds / 60 % 60, 2);
    put((byte) ':');
    putPadded(seconds % 60, 2);
    put((byte) '.');
    putPadded(micros % 1_000_000, 6);
  }

  /** Writes microseconds since the epoch as {@code yyyy-MM-ddTHH:mm:ss.SSSSSS}, with {@code Z} when UTC. */
  void putTimestamp(long micros, boolean utc) {
    putDate(Math.floorDiv(micros, MICROS_PER_DAY));
    put((byte) 'T');
    putTime(Math.floorMod(micros, MICROS_PER_DAY));
    if (utc) {
      put((byte) 'Z');
    }
  }

  /** Writes {@code b} in standard base64 (RFC 4648 alphabet, with padding). */
  void putBase64(byte[] b) {
    int n = b.length;
    ensure((n + 2) / 3 * 4);
    int i = 0;
    for (; i + 2 < n; i += 3) {
      int v = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | b[i + 2] & 0xFF;
      bytes[size++] = BASE64[v >>> 18];
      bytes[size++] = BASE64[v >>> 12 & 0x3F];
      bytes[size++] = BASE64[v >>> 6 & 0x3F];
      bytes[size++] = BASE64[v & 0x3F];
    }
    if (i < n) {
      int v = (b[i] & 0xFF) << 16 | (i + 1 < n ? (b[i + 1] & 0xFF) << 8 : 0);
      bytes[size++] = BASE64[v >>> 18];
      bytes[size++] = BASE64[v >>> 12 & 0x3F];
      bytes[size++] = i + 1 < n ? BASE64[v >>> 6 & 0x3F] : (byte) '=';
      bytes[size++] = '=';
    }
  }
}
