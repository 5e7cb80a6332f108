package dev.partita.format.text;

import dev.partita.DataSize;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormatProvider;
import java.util.Map;
import java.util.Set;

/**
 * Registers the format {@code csv}. Options: {@code codec} (none, gzip, zstd), {@code level}, {@code header}
 * (true/false), {@code delimiter} and {@code quote} (one character; {@code \t} or {@code tab} for a tab),
 * {@code null} (the null token), {@code chunk_size} (for example {@code 1MB}).
 */
public final class CsvFormatProvider implements FileFormatProvider {
  private static final Set<String> KEYS =
      Set.of("codec", "level", "header", "delimiter", "quote", "null", "chunk_size");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public CsvFormatProvider() {}

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public FileFormat create(Map<String, String> options) {
    TextSettings.checkKeys("csv", options, KEYS);
    CsvFormat.Builder b = CsvFormat.builder().codec(TextSettings.codec("csv", options));
    options.forEach((key, value) -> {
      switch (key) {
        case "header" -> b.header(TextSettings.bool("csv", key, value));
        case "delimiter" -> b.delimiter(TextSettings.oneChar("csv", key, value));
        case "quote" -> b.quote(TextSettings.oneChar("csv", key, value));
        case "null" -> b.nullToken(value);
        case "chunk_size" -> b.chunkSize(DataSize.parse(value));
        default -> {
          // codec and level were read above
        }
      }
    });
    return b.build();
  }
}
