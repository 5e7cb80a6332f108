/**
 * The Parquet file format: {@link dev.partita.format.parquet.ParquetFormat} (options and factory of writers) and
 * {@link dev.partita.format.parquet.ParquetFormatProvider} (string options, registered for
 * {@link dev.partita.format.FileFormats}). Everything else is package-private: the file writer, the per-column
 * value writers feeding parquet-column's encoders, the column chunk page buffers, bloom filters and the footer.
 * No Hadoop class is used.
 */
package dev.partita.format.parquet;
