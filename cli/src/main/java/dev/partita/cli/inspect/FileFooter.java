package dev.partita.cli.inspect;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What one data file says about itself.
 *
 * @param format {@code parquet}, {@code orc}, {@code csv} or {@code json}
 * @param rows the row count, when the file (or a Partita manifest) tells it
 * @param codecs the compression codecs of the file's column chunks or streams (lower case)
 * @param columns the file's top-level columns as {@code name:type}, empty for text files
 * @param createdBy the writer the file names, empty when unknown
 */
public record FileFooter(String format, OptionalLong rows, Set<String> codecs, List<ColumnInfo> columns,
    String createdBy) {

  /**
   * One column of a file schema.
   *
   * @param name the column name
   * @param type the type, in Partita's names where one fits ({@code int64}, {@code timestamptz}), else the
   *     file format's
   */
  public record ColumnInfo(String name, String type) {
    @Override
    public String toString() {
      return name + ":" + type;
    }
  }
}
