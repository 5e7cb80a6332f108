package dev.partita.cli.input;

import dev.partita.format.text.read.Compression;
import java.util.Locale;
import java.util.Optional;

/** The text formats {@code partita write} reads. */
public enum InputFormat {
  /** Delimited text, RFC 4180 quoting. */
  CSV,
  /** JSON Lines (one object per line, or any whitespace-separated objects) or one top-level array of objects. */
  JSON;

  /**
   * The format a file name implies once {@code .gz}/{@code .zst} is removed: {@code .csv}, {@code .tsv},
   * {@code .txt} are CSV; {@code .json}, {@code .jsonl}, {@code .ndjson} are JSON.
   */
  public static Optional<InputFormat> fromFileName(String name) {
    String n = Compression.stripSuffix(name).toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) {
      return Optional.of(CSV);
    }
    if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Optional.of(JSON);
    }
    return Optional.empty();
  }

  /** Parses {@code csv} or {@code json}, case-insensitively. */
  public static InputFormat parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "csv", "tsv" -> CSV;
      case "json", "jsonl", "ndjson" -> JSON;
      default -> throw new IllegalArgumentException("--input-format must be csv or json, got '" + text + "'");
    };
  }
}
