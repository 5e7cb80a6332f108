package dev.partita.format.parquet;

import org.apache.parquet.format.CompressionCodec;

/** The Partita codecs Parquet can record in its footer, by Partita codec name. */
final class ParquetCodecs {
  /** The accepted names, for error messages. */
  static final String SUPPORTED = "none, snappy, gzip, zstd, lz4_raw";

  private ParquetCodecs() {}

  /**
   * The footer's codec for a Partita codec name.
   *
   * @throws IllegalArgumentException listing the supported names
   */
  static CompressionCodec thriftCodec(String name) {
    return switch (name) {
      case "none" -> CompressionCodec.UNCOMPRESSED;
      case "snappy" -> CompressionCodec.SNAPPY;
      case "gzip" -> CompressionCodec.GZIP;
      case "zstd" -> CompressionCodec.ZSTD;
      case "lz4_raw" -> CompressionCodec.LZ4_RAW;
      default -> throw new IllegalArgumentException("codec '" + name + "' cannot be used for Parquet; use one of "
          + SUPPORTED);
    };
  }

  /** The part of the file suffix before {@code .parquet}, as parquet-java and Spark name files. */
  static String fileInfix(String name) {
    return switch (name) {
      case "none" -> "";
      case "snappy" -> ".snappy";
      case "gzip" -> ".gz";
      case "zstd" -> ".zstd";
      case "lz4_raw" -> ".lz4raw";
      default -> throw new IllegalArgumentException("codec '" + name + "' cannot be used for Parquet; use one of "
          + SUPPORTED);
    };
  }
}
