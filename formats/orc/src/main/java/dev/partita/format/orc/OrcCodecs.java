package dev.partita.format.orc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.orc.CompressionKind;

/** Partita's codec names for ORC's own codecs. */
final class OrcCodecs {
  private static final Map<String, CompressionKind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("none", CompressionKind.NONE);
    KINDS.put("zlib", CompressionKind.ZLIB);
    KINDS.put("snappy", CompressionKind.SNAPPY);
    KINDS.put("zstd", CompressionKind.ZSTD);
    KINDS.put("lz4", CompressionKind.LZ4);
  }

  private OrcCodecs() {}

  static List<String> names() {
    return List.copyOf(KINDS.keySet());
  }

  /**
   * The lower-case name of a supported codec.
   *
   * @throws IllegalArgumentException listing the supported names, with a hint for names of other formats' codecs
   */
  static String normalize(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (KINDS.containsKey(key)) {
      return key;
    }
    String hint = switch (key) {
      case "gzip", "gz", "deflate" -> "; ORC has no " + key + " codec: use zlib, the same deflate compression";
      case "lz4_raw", "lz4raw" -> "; ORC's LZ4 codec is called lz4";
      case "uncompressed" -> "; use none";
      default -> "";
    };
    throw new IllegalArgumentException("codec '" + name + "' is not an ORC codec; supported: "
        + String.join(", ", KINDS.keySet()) + hint);
  }

  /** ORC's kind for a name that {@link #normalize} accepted. */
  static CompressionKind kind(String normalizedName) {
    return KINDS.get(normalizedName);
  }
}
