package dev.partita;

import java.util.Locale;

/**
 * A number of bytes, as a typed option value. Parses and prints {@code 128MB}, {@code 64KiB}, {@code 1g}; the
 * units are binary (1 KB = 1024 bytes), as JVM options use them.
 *
 * @param bytes the size in bytes, never negative
 */
public record DataSize(long bytes) implements Comparable<DataSize> {

  /** Validates the size. */
  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("size must not be negative, got " + bytes);
    }
  }

  /** A size in bytes. */
  public static DataSize ofBytes(long bytes) {
    return new DataSize(bytes);
  }

  /** A size in KiB. */
  public static DataSize ofKilobytes(long kb) {
    return new DataSize(Math.multiplyExact(kb, 1024L));
  }

  /** A size in MiB. */
  public static DataSize ofMegabytes(long mb) {
    return new DataSize(Math.multiplyExact(mb, 1024L * 1024));
  }

  /** A size in GiB. */
  public static DataSize ofGigabytes(long gb) {
    return new DataSize(Math.multiplyExact(gb, 1024L * 1024 * 1024));
  }

  /**
   * Parses {@code 123}, {@code 64k}, {@code 64KB}, {@code 64KiB}, {@code 128MB}, {@code 2GB}, {@code 1TB}.
   *
   * @throws IllegalArgumentException naming the text and the accepted form
   */
  public static DataSize parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("bad size '" + text + "': expected a number with an optional unit, "
          + "for example 512KB, 128MB or 1GB");
    }
    long n = Long.parseLong(t.substring(0, i));
    String unit = t.substring(i);
    long mul = switch (unit) {
      case "", "B" -> 1L;
      case "K", "KB", "KIB" -> 1L << 10;
      case "M", "MB", "MIB" -> 1L << 20;
      case "G", "GB", "GIB" -> 1L << 30;
      case "T", "TB", "TIB" -> 1L << 40;
      default -> throw new IllegalArgumentException("bad size unit in '" + text + "': use B, KB, MB, GB or TB");
    };
    return new DataSize(Math.multiplyExact(n, mul));
  }

  @Override
  public int compareTo(DataSize o) {
    return Long.compare(bytes, o.bytes);
  }

  /** The size in the largest unit that divides it exactly, for example {@code 128MB}. */
  @Override
  public String toString() {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    long v = bytes;
    int u = 0;
    while (u < units.length - 1 && v != 0 && v % 1024 == 0) {
      v /= 1024;
      u++;
    }
    return v + units[u];
  }
}
