package dev.partita.format.text.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The compression of an input file, told by its name: {@code .gz}/{@code .gzip} (gzip, several concatenated
 * members allowed) or {@code .zst}/{@code .zstd} (Zstandard, several frames allowed). Reading zstd needs
 * {@code com.github.luben:zstd-jni} on the class path (an optional dependency of this module).
 */
public enum Compression {
  /** Plain bytes. */
  NONE,
  /** gzip, possibly several concatenated members. */
  GZIP,
  /** Zstandard frames. */
  ZSTD;

  private static final String[] SUFFIXES = {".gz", ".gzip", ".zst", ".zstd"};

  /** The compression a file name implies: by its last suffix, case-insensitively; {@link #NONE} otherwise. */
  public static Compression fromFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz") || n.endsWith(".gzip")) {
      return GZIP;
    }
    if (n.endsWith(".zst") || n.endsWith(".zstd")) {
      return ZSTD;
    }
    return NONE;
  }

  /** The file name without its compression suffix ({@code a.csv.gz} gives {@code a.csv}). */
  public static String stripSuffix(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String s : SUFFIXES) {
      if (n.endsWith(s)) {
        return name.substring(0, name.length() - s.length());
      }
    }
    return name;
  }

  /**
   * Wraps {@code raw} so that reads return decompressed bytes; closing the wrapper closes {@code raw}.
   *
   * @throws IOException when the stream does not start as this compression says (a bad gzip header)
   * @throws TextInputException for {@link #ZSTD} when zstd-jni is not on the class path
   */
  public InputStream decompress(InputStream raw) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new GZIPInputStream(raw, 1 << 16);
      case ZSTD -> Zstd.open(raw);
    };
  }

  /** Checks for zstd-jni before {@link ZstdStream} (which links against it) is loaded. */
  private static final class Zstd {
    static InputStream open(InputStream raw) throws IOException {
      try {
        Class.forName("com.github.luben.zstd.ZstdInputStream", false, Compression.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new TextInputException("reading .zst input needs com.github.luben:zstd-jni on the class path", e);
      }
      return ZstdStream.open(raw);
    }
  }

  private static final class ZstdStream {
    static InputStream open(InputStream raw) throws IOException {
      com.github.luben.zstd.ZstdInputStream z = new com.github.luben.zstd.ZstdInputStream(raw);
      z.setContinuous(false);
      return z;
    }
  }
}
