package dev.partita.format.text;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecs;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** Settings and option parsing shared by the CSV and JSON Lines formats. */
final class TextSettings {
  private TextSettings() {}

  /** Codecs whose compressed chunks concatenate into one stream that ordinary tools decompress. */
  static final List<String> TEXT_CODECS = List.of("gzip", "none", "zstd");
  static final DataSize DEFAULT_CHUNK_SIZE = DataSize.ofKilobytes(256);
  static final DataSize MIN_CHUNK_SIZE = DataSize.ofKilobytes(1);
  static final DataSize MAX_CHUNK_SIZE = DataSize.ofMegabytes(256);

  /** The codec if text files can use it, else an error naming the ones they can. */
  static CompressionCodec checkCodec(String format, CompressionCodec codec) {
    Objects.requireNonNull(codec, "codec");
    if (!TEXT_CODECS.contains(codec.name())) {
      throw new IllegalArgumentException(format + " codec '" + codec.name() + "' cannot be used for text files: "
          + "its compressed chunks do not concatenate into a readable stream; use one of "
          + String.join(", ", TEXT_CODECS));
    }
    return codec;
  }

  static DataSize checkChunkSize(String format, DataSize size) {
    Objects.requireNonNull(size, "chunkSize");
    if (size.compareTo(MIN_CHUNK_SIZE) < 0 || size.compareTo(MAX_CHUNK_SIZE) > 0) {
      throw new IllegalArgumentException(format + " chunk_size must be in " + MIN_CHUNK_SIZE + ".."
          + MAX_CHUNK_SIZE + ", got " + size);
    }
    return size;
  }

  /** The compression part of a file name: empty, {@code .gz} or {@code .zst}. */
  static String codecSuffix(CompressionCodec codec) {
    return switch (codec.name()) {
      case "gzip" -> ".gz";
      case "zstd" -> ".zst";
      default -> "";
    };
  }

  /** Fails naming the first unknown key and listing the known ones. */
  static void checkKeys(String format, Map<String, String> options, Set<String> known) {
    Objects.requireNonNull(options, "options");
    for (String key : options.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown " + format + " option '" + key + "'; known options: "
            + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  /** The codec named by the {@code codec} and {@code level} options (default none). */
  static CompressionCodec codec(String format, Map<String, String> options) {
    String name = options.getOrDefault("codec", "none");
    OptionalInt level = OptionalInt.empty();
    String l = options.get("level");
    if (l != null) {
      try {
        level = OptionalInt.of(Integer.parseInt(l.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(format + " option level must be an integer, got '" + l + "'", e);
      }
    }
    return CompressionCodecs.byName(name, level);
  }

  static boolean bool(String format, String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(format + " option " + key + " must be true or false, got '"
          + value + "'");
    };
  }

  /** One character; {@code \t} or {@code tab} stand for a tab. */
  static char oneChar(String format, String key, String value) {
    if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
      return '\t';
    }
    if (value.length() != 1) {
      throw new IllegalArgumentException(format + " option " + key + " must be one character (or \\t), got '"
          + value + "'");
    }
    return value.charAt(0);
  }
}
