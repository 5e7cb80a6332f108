package dev.partita.format.parquet;

/**
 * The data page layout, and with it the family of encodings a Parquet file uses.
 *
 * <p>{@link #V1} is what every reader understands. {@link #V2} writes {@code DATA_PAGE_V2} headers, whose levels are
 * stored uncompressed in front of the values, together with the format-2 encodings ({@code RLE_DICTIONARY},
 * {@code DELTA_BINARY_PACKED}, {@code DELTA_BYTE_ARRAY}, {@code RLE} booleans) as parquet-java does for its
 * writer version 2. Files are usually smaller and faster to scan, but some older readers reject them.
 */
public enum PageVersion {
  /** {@code DATA_PAGE} headers with {@code PLAIN} and {@code PLAIN_DICTIONARY} encodings. */
  V1,
  /** {@code DATA_PAGE_V2} headers with the delta and {@code RLE_DICTIONARY} encodings. */
  V2
}
