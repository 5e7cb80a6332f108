package dev.partita.format.parquet.footer;

import dev.partita.format.ColumnStats;
import dev.partita.schema.Schema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a Parquet file's footer says, in Partita's terms.
 *
 * @param schema the top-level columns Partita can describe, typed by their logical (or converted) type
 * @param unsupportedColumns top-level columns it cannot (nested groups, repeated fields, exotic types), each as
 *     {@code name: reason}
 * @param rows the row count
 * @param rowGroups the number of row groups
 * @param codecs the compression codecs of the column chunks, lower case ({@code snappy}, {@code zstd},
 *     {@code uncompressed}, ...)
 * @param createdBy the writer ({@code parquet-cpp-arrow version 15.0.0}), if recorded
 * @param keyValueMetadata the footer's key-value metadata, in file order
 * @param columns statistics of the columns in {@link #schema} whose row groups all state them, merged over the
 *     row groups; bounds boxed as {@link ColumnStats} documents (timestamps in microseconds)
 * @param footerBytes the length of the serialized footer
 */
public record ParquetFooter(Schema schema, List<String> unsupportedColumns, long rows, int rowGroups,
    Set<String> codecs, Optional<String> createdBy, Map<String, String> keyValueMetadata,
    List<ColumnStats> columns, int footerBytes) {

  /** Copies the collections. */
  public ParquetFooter {
    Objects.requireNonNull(schema, "schema");
    unsupportedColumns = List.copyOf(unsupportedColumns);
    codecs = Set.copyOf(codecs);
    Objects.requireNonNull(createdBy, "createdBy");
    keyValueMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(keyValueMetadata));
    columns = List.copyOf(columns);
  }
}
