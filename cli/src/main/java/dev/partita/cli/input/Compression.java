package dev.partita.cli.input;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** The compression of an input file, told by its name: {@code .gz} (gzip) or {@code .zst} (zstd). */
public enum Compression {
  /** Plain bytes. */
  NONE,
  /** gzip, possibly several concatenated members. */
  GZIP,
  /** Zstandard frames. */
  ZSTD;

  /** The compression a file name implies. */
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

  /** The file name without a compression suffix. */
  public static String stripSuffix(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String s : new String[] {".gz", ".gzip", ".zst", ".zstd"}) {
      if (n.endsWith(s)) {
        return name.substring(0, name.length() - s.length());
      }
    }
    return name;
  }

  /** Wraps {@code raw} so that reads return decompressed bytes; the wrapper closes {@code raw}. */
  public InputStream decompress(InputStream raw) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new GZIPInputStream(raw, 1 << 16);
      case ZSTD -> {
        ZstdInputStream z = new ZstdInputStream(raw);
        z.setContinuous(false);
        yield z;
      }
    };
  }
}
