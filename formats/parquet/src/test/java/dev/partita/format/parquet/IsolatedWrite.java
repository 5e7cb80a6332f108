package dev.partita.format.parquet;

import dev.partita.format.FileFormat;
import dev.partita.format.FileFormats;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Writes a small Parquet file using only Partita and the JDK, so that {@link RuntimeClasspathTest} can run it in a
 * class loader holding nothing but the module's runtime class path. Finds the format through
 * {@link FileFormats#byName}, which also proves the service registration.
 */
public final class IsolatedWrite implements BiFunction<String, Integer, Long> {
  static final Schema SCHEMA = Schema.builder()
      .required("id", DataType.int64())
      .optional("name", DataType.string())
      .required("when", DataType.timestamp())
      .build();

  /** Writes {@code rows} rows {@code (i, "n" + i or null, i seconds)} to {@code path}; returns the row count. */
  @Override
  public Long apply(String path, Integer rows) {
    try {
      FileFormat format = FileFormats.byName("parquet", Map.of("codec", "gzip", "bloom-filter-columns", "id",
          "page-version", "v2"));
      FormatWriter w = format.open(SCHEMA, LocalStorage.instance().create(path));
      ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
      for (long i = 0; i < rows; i++) {
        w.write(row.wrap(new Object[] {i, i % 3 == 0 ? null : "n" + i, i * 1_000_000L}));
      }
      return w.finish().rows();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
