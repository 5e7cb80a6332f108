package dev.partita.cli.run;

import java.util.Locale;

/** Byte counts for people: {@code 1.5 MB}. */
public final class Sizes {
  private Sizes() {}

  /** {@code bytes} in B, KB, MB, GB or TB (powers of 1024), one decimal. */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
