/**
 * Reading flat Parquet files without Hadoop: {@link dev.partita.format.parquet.read.ParquetRowReader} streams a
 * file's rows as Partita {@link dev.partita.row.Row}s, typed by the footer mapping of
 * {@link dev.partita.format.parquet.footer.ParquetFooterReader}.
 */
package dev.partita.format.parquet.read;
