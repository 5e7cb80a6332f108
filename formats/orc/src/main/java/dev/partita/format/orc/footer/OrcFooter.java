package dev.partita.format.orc.footer;

import dev.partita.format.ColumnStats;
import dev.partita.schema.Schema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an ORC file's tail (postscript and footer) says, in Partita's terms.
 *
 * @param schema the top-level columns Partita can describe; a column is nullable unless the file's statistics
 *     say it holds no null (ORC has no required columns)
 * @param unsupportedColumns top-level columns it cannot describe (struct, list, map, union), as
 *     {@code name: reason}
 * @param rows the row count
 * @param stripes the number of stripes
 * @param codec the compression, lower case ({@code zstd}, {@code zlib}, {@code snappy}, {@code none}, ...)
 * @param writer the writing software and ORC writer version, for example {@code ORC Java 2.3.1 (ORC-...)}
 * @param userMetadata the footer's user metadata, values decoded as UTF-8
 * @param columns file-level statistics of the columns in {@link #schema}: value and null counts, and bounds for
 *     integers, floats, decimals, strings and dates
 * @param tailBytes the bytes of postscript, footer and metadata read
 */
public record OrcFooter(Schema schema, List<String> unsupportedColumns, long rows, int stripes, String codec,
    String writer, Map<String, String> userMetadata, List<ColumnStats> columns, int tailBytes) {

  /** Copies the collections. */
  public OrcFooter {
    Objects.requireNonNull(schema, "schema");
    unsupportedColumns = List.copyOf(unsupportedColumns);
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(writer, "writer");
    userMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(userMetadata));
    columns = List.copyOf(columns);
  }
}
