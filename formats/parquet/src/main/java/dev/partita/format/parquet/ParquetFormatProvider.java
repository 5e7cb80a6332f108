package dev.partita.format.parquet;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormatProvider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Makes {@link ParquetFormat}s from string options, for the command line and configuration files. Options (all
 * optional, defaults as in {@link ParquetFormat.Builder}):
 *
 * <ul>
 *   <li>{@code codec}: none, snappy, gzip, zstd, lz4_raw; {@code level}: the codec's level
 *   <li>{@code row-group-size}, {@code page-size}, {@code dictionary-page-size}: sizes such as {@code 128MB}
 *   <li>{@code page-row-limit}: rows per page; {@code dictionary}: true or false
 *   <li>{@code page-version}: v1 or v2
 *   <li>{@code bloom-filter-columns}: comma-separated column names; {@code bloom-filter-fpp}: a probability in
 *       (0, 1); {@code bloom-filter-ndv}: expected distinct values per chunk
 *   <li>{@code statistics}, {@code page-index}: true or false
 * </ul>
 */
public final class ParquetFormatProvider implements FileFormatProvider {
  private static final List<String> KEYS = List.of("codec", "level", "row-group-size", "page-size",
      "page-row-limit", "dictionary", "dictionary-page-size", "page-version", "bloom-filter-columns",
      "bloom-filter-fpp", "bloom-filter-ndv", "statistics", "page-index");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public ParquetFormatProvider() {}

  /** {@code parquet}. */
  @Override
  public String name() {
    return "parquet";
  }

  /**
   * A Parquet format configured by {@code options}.
   *
   * @throws IllegalArgumentException naming an unknown option (and listing the known ones) or a bad value
   */
  @Override
  public FileFormat create(Map<String, String> options) {
    Objects.requireNonNull(options, "options");
    for (String key : options.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown parquet option '" + key + "'; known options: "
            + String.join(", ", KEYS));
      }
    }
    ParquetFormat.Builder b = ParquetFormat.builder();
    String level = options.get("level");
    String codec = options.get("codec");
    if (codec != null || level != null) {
      OptionalInt l = level == null ? OptionalInt.empty() : OptionalInt.of(parseInt("level", level));
      String name = codec == null ? ParquetFormat.DEFAULT_CODEC : codec.trim().toLowerCase(Locale.ROOT);
      ParquetCodecs.thriftCodec(name);
      b.codec(CompressionCodecs.byName(name, l));
    }
    if (options.containsKey("row-group-size")) {
      b.rowGroupSize(parseSize("row-group-size", options.get("row-group-size")));
    }
    if (options.containsKey("page-size")) {
      b.pageSize(parseSize("page-size", options.get("page-size")));
    }
    if (options.containsKey("page-row-limit")) {
      b.pageRowCountLimit(parseInt("page-row-limit", options.get("page-row-limit")));
    }
    if (options.containsKey("dictionary")) {
      b.dictionary(parseBoolean("dictionary", options.get("dictionary")));
    }
    if (options.containsKey("dictionary-page-size")) {
      b.dictionaryPageSize(parseSize("dictionary-page-size", options.get("dictionary-page-size")));
    }
    if (options.containsKey("page-version")) {
      String v = options.get("page-version").trim().toUpperCase(Locale.ROOT);
      if (!v.equals("V1") && !v.equals("V2")) {
        throw new IllegalArgumentException("page-version must be v1 or v2, got '" + options.get("page-version")
            + "'");
      }
      b.pageVersion(PageVersion.valueOf(v));
    }
    if (options.containsKey("bloom-filter-columns")) {
      Set<String> columns = new LinkedHashSet<>();
      for (String c : options.get("bloom-filter-columns").split(",", -1)) {
        if (!c.trim().isEmpty()) {
          columns.add(c.trim());
        }
      }
      b.bloomFilterColumns(columns);
    }
    if (options.containsKey("bloom-filter-fpp")) {
      try {
        b.bloomFilterFpp(Double.parseDouble(options.get("bloom-filter-fpp").trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bloom-filter-fpp must be a number in (0, 1), got '"
            + options.get("bloom-filter-fpp") + "'", e);
      }
    }
    if (options.containsKey("bloom-filter-ndv")) {
      try {
        b.bloomFilterNdv(Long.parseLong(options.get("bloom-filter-ndv").trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bloom-filter-ndv must be a whole number of at least 1, got '"
            + options.get("bloom-filter-ndv") + "'", e);
      }
    }
    if (options.containsKey("statistics")) {
      b.writeStatistics(parseBoolean("statistics", options.get("statistics")));
    }
    if (options.containsKey("page-index")) {
      b.pageIndex(parseBoolean("page-index", options.get("page-index")));
    }
    return b.build();
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'", e);
    }
  }

  private static DataSize parseSize(String key, String value) {
    try {
      return DataSize.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  private static boolean parseBoolean(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
    };
  }
}
