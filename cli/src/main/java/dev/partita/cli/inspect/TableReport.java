package dev.partita.cli.inspect;

import dev.partita.cli.inspect.FileFooter.ColumnInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a table directory holds.
 *
 * @param location the directory
 * @param formats number of data files per format
 * @param codecs codecs used by the data files
 * @param schema the columns of the data files (the first file's schema where files agree)
 * @param schemaVariants further distinct file schemas, with an example file each; empty when all files agree
 * @param partitionColumns partition columns from the {@code name=value} folders, typed by inference over their
 *     values
 * @param partitions distinct partition folders holding data files
 * @param files data files
 * @param rows rows in all files, empty when some file does not tell (text files outside a Partita table)
 * @param bytes bytes of all data files
 * @param commits Partita commit manifests found under {@code _partita/commits}
 * @param writers the {@code created_by} of the files, with file counts
 */
public record TableReport(Path location, Map<String, Integer> formats, List<String> codecs, List<ColumnInfo> schema,
    Map<String, List<ColumnInfo>> schemaVariants, List<ColumnInfo> partitionColumns, long partitions, long files,
    OptionalLong rows, long bytes, int commits, Map<String, Integer> writers) {}
