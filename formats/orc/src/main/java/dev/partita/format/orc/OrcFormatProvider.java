package dev.partita.format.orc;

import dev.partita.DataSize;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormatProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes {@link OrcFormat}s from string options, for {@link dev.partita.format.FileFormats#byName}. Options (all
 * optional; see {@link OrcFormat.Builder} for ranges and defaults):
 *
 * <ul>
 *   <li>{@code codec}: {@code none}, {@code zlib}, {@code snappy}, {@code zstd} or {@code lz4}
 *   <li>{@code level}: zstd level, 1-22
 *   <li>{@code stripe-size}: a size such as {@code 64MB}
 *   <li>{@code row-index-stride}: rows per index entry, 0 for none
 *   <li>{@code compression-block-size}: a size such as {@code 256KB}
 *   <li>{@code bloom-filter-columns}: comma-separated column names
 *   <li>{@code bloom-filter-fpp}: a probability such as {@code 0.01}
 *   <li>{@code dictionary-key-size-threshold}: a ratio in 0..1
 *   <li>{@code batch-size}: rows per column batch
 *   <li>{@code metadata.<key>}: a user-metadata entry {@code <key>} with the option's value
 * </ul>
 */
public final class OrcFormatProvider implements FileFormatProvider {
  /** Option: the codec name. */
  public static final String CODEC = "codec";
  /** Option: the zstd level. */
  public static final String LEVEL = "level";
  /** Option: the stripe size. */
  public static final String STRIPE_SIZE = "stripe-size";
  /** Option: rows per row-index entry. */
  public static final String ROW_INDEX_STRIDE = "row-index-stride";
  /** Option: the largest compression block. */
  public static final String COMPRESSION_BLOCK_SIZE = "compression-block-size";
  /** Option: comma-separated bloom filter columns. */
  public static final String BLOOM_FILTER_COLUMNS = "bloom-filter-columns";
  /** Option: bloom filter false-positive probability. */
  public static final String BLOOM_FILTER_FPP = "bloom-filter-fpp";
  /** Option: dictionary threshold. */
  public static final String DICTIONARY_KEY_SIZE_THRESHOLD = "dictionary-key-size-threshold";
  /** Option: rows per column batch. */
  public static final String BATCH_SIZE = "batch-size";
  /** Prefix of options that become user-metadata entries. */
  public static final String METADATA_PREFIX = "metadata.";

  private static final List<String> KNOWN = List.of(CODEC, LEVEL, STRIPE_SIZE, ROW_INDEX_STRIDE,
      COMPRESSION_BLOCK_SIZE, BLOOM_FILTER_COLUMNS, BLOOM_FILTER_FPP, DICTIONARY_KEY_SIZE_THRESHOLD, BATCH_SIZE,
      METADATA_PREFIX + "<key>");

  /** Used by {@link java.util.ServiceLoader}. */
  public OrcFormatProvider() {}

  @Override
  public String name() {
    return OrcFormat.NAME;
  }

  /**
   * An {@link OrcFormat} configured by {@code options}.
   *
   * @throws IllegalArgumentException naming an unknown option (and listing the known ones) or a bad value
   */
  @Override
  public FileFormat create(Map<String, String> options) {
    Objects.requireNonNull(options, "options");
    OrcFormat.Builder b = OrcFormat.builder();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey();
      String value = Objects.requireNonNull(e.getValue(), key).trim();
      if (key.startsWith(METADATA_PREFIX) && key.length() > METADATA_PREFIX.length()) {
        b.userMetadata(key.substring(METADATA_PREFIX.length()), e.getValue());
        continue;
      }
      switch (key) {
        case CODEC -> b.codec(value);
        case LEVEL -> b.level(parseInt(key, value));
        case STRIPE_SIZE -> b.stripeSize(parseSize(key, value));
        case ROW_INDEX_STRIDE -> b.rowIndexStride(parseInt(key, value));
        case COMPRESSION_BLOCK_SIZE -> b.compressionBlockSize(parseSize(key, value));
        case BLOOM_FILTER_COLUMNS -> b.bloomFilterColumns(splitColumns(value));
        case BLOOM_FILTER_FPP -> b.bloomFilterFpp(parseDouble(key, value));
        case DICTIONARY_KEY_SIZE_THRESHOLD -> b.dictionaryKeySizeThreshold(parseDouble(key, value));
        case BATCH_SIZE -> b.batchSize(parseInt(key, value));
        default -> throw new IllegalArgumentException("unknown ORC option '" + key + "'; known options: "
            + String.join(", ", KNOWN));
      }
    }
    return b.build();
  }

  private static List<String> splitColumns(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(",", -1)) {
      String t = s.trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + key + ": expected an integer, got '" + value + "'", e);
    }
  }

  private static double parseDouble(String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + key + ": expected a number, got '" + value + "'", e);
    }
  }

  private static DataSize parseSize(String key, String value) {
    try {
      return DataSize.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option " + key + ": " + e.getMessage(), e);
    }
  }
}
