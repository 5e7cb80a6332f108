package dev.partita.format;

import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;

/**
 * A configured file format (Parquet, ORC, CSV, ...): it writes single files and knows nothing of partitions,
 * rolling or commits. Instances are immutable and thread-safe; options (codec, page sizes, ...) are fixed when
 * the instance is built by its module's builder or by {@link FileFormats#byName}.
 */
public interface FileFormat {

  /** The format name: {@code parquet}, {@code orc}, {@code csv}, {@code json}. */
  String name();

  /**
   * The end of every file name this format writes, with the codec where readers expect it, for example
   * {@code .snappy.parquet}, {@code .zstd.orc}, {@code .csv.gz}.
   */
  String fileSuffix();

  /**
   * Starts one file of rows shaped as {@code schema} on {@code out}. The writer owns the stream from now on and
   * closes it in {@link FormatWriter#finish} or {@link FormatWriter#abort}.
   */
  FormatWriter open(Schema schema, PositionOutputStream out) throws IOException;
}
