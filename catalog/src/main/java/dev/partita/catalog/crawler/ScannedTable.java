package dev.partita.catalog.crawler;

import dev.partita.catalog.PartitionChanges;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.TableDefinition;
import dev.partita.catalog.TableId;
import dev.partita.commit.DataFile;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link TableScanner} found in a table directory (or a single data file): the merged schema, the
 * partition columns with their inferred types, the partitions and files, and totals. Immutable.
 *
 * @param root the scanned directory, or the file for a single-file table
 * @param name the folder's (or file's) name, the base of a crawled table's name
 * @param format {@code parquet} or {@code orc} (files of another format are left out and named in
 *     {@link #warnings})
 * @param schema the data columns merged over all files (see {@link dev.partita.catalog.SchemaEvolution});
 *     partition columns are not in it
 * @param partitionColumns the {@code name=value} folder levels, outermost first, typed int32, int64, date,
 *     timestamp or string from their values
 * @param partitions the partition folders with files, sorted by path
 * @param files the data files, sorted by path
 * @param rows rows in all files
 * @param bytes bytes of all files
 * @param codecs compression codecs used by the files, lower case
 * @param schemaConflicts columns whose types differ incompatibly between files, one line each
 * @param warnings files and folders left out, and why
 * @param footersRead how many footers the scan read
 */
public record ScannedTable(Path root, String name, String format, Schema schema,
    List<PartitionColumn> partitionColumns, List<ScannedPartition> partitions, List<ScannedFile> files, long rows,
    long bytes, Set<String> codecs, List<String> schemaConflicts, List<String> warnings, int footersRead) {

  /** Copies the collections. */
  public ScannedTable {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(schema, "schema");
    partitionColumns = List.copyOf(partitionColumns);
    partitions = List.copyOf(partitions);
    files = List.copyOf(files);
    codecs = Set.copyOf(codecs);
    schemaConflicts = List.copyOf(schemaConflicts);
    warnings = List.copyOf(warnings);
  }

  /** Whether the table is a single data file rather than a directory. */
  public boolean isSingleFile() {
    return files.size() == 1 && files.get(0).path().isEmpty();
  }

  /** A catalog definition of this table under {@code id}: location, format, schema, partition columns. */
  public TableDefinition toDefinition(TableId id) {
    return TableDefinition.builder(id).location(root.toAbsolutePath().normalize().toString()).format(format)
        .schema(schema).partitionColumns(partitionColumns).build();
  }

  /** The files as catalog registrations, with their partition values and footer statistics. */
  public List<DataFile> dataFiles() {
    return files.stream().map(TableScanner::dataFile).toList();
  }

  /** A change batch registering every file. */
  public PartitionChanges toChanges() {
    return PartitionChanges.builder().addFiles(dataFiles()).build();
  }
}
