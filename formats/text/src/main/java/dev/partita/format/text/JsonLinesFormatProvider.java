package dev.partita.format.text;

import dev.partita.DataSize;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormatProvider;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Registers the format {@code json} (JSON Lines). Options: {@code codec} (none, gzip, zstd), {@code level},
 * {@code null} ({@code write} to write {@code null}, the default, or {@code omit} to leave the key out),
 * {@code chunk_size} (for example {@code 1MB}).
 */
public final class JsonLinesFormatProvider implements FileFormatProvider {
  private static final Set<String> KEYS = Set.of("codec", "level", "null", "chunk_size");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public JsonLinesFormatProvider() {}

  @Override
  public String name() {
    return "json";
  }

  @Override
  public FileFormat create(Map<String, String> options) {
    TextSettings.checkKeys("json", options, KEYS);
    JsonLinesFormat.Builder b = JsonLinesFormat.builder().codec(TextSettings.codec("json", options));
    String nulls = options.get("null");
    if (nulls != null) {
      b.writeNulls(switch (nulls.trim().toLowerCase(Locale.ROOT)) {
        case "write" -> true;
        case "omit" -> false;
        default -> throw new IllegalArgumentException("json option null must be write or omit, got '" + nulls
            + "'");
      });
    }
    String chunk = options.get("chunk_size");
    if (chunk != null) {
      b.chunkSize(DataSize.parse(chunk));
    }
    return b.build();
  }
}
