/** Reading Parquet footers without Hadoop, for crawlers and inspection. */
package dev.partita.format.parquet.footer;
