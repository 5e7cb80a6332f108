package dev.partita.catalog.crawler;

import dev.partita.catalog.TableId;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a crawl did to one table.
 *
 * @param table the catalog table
 * @param location the crawled directory (or file)
 * @param created whether the crawl created the table
 * @param partitionsAdded partitions registered
 * @param filesAdded files registered (new or changed)
 * @param filesRemoved files unregistered because they vanished
 * @param partitionsDropped partitions dropped because their folder vanished
 * @param partitionsDeprecated partitions deprecated because their folder vanished
 * @param schemaChanges schema changes found, one line each
 * @param schemaUpdated whether they were applied to the catalog ({@link SchemaChangePolicy#UPDATE_IN_CATALOG})
 * @param logged changes found but left alone by a {@code LOG} policy, one line each
 * @param problems incompatible schemas or partition columns, and unreadable files, one line each
 * @param footersRead footers read
 */
public record TableCrawl(TableId table, Path location, boolean created, int partitionsAdded, int filesAdded,
    int filesRemoved, int partitionsDropped, int partitionsDeprecated, List<String> schemaChanges,
    boolean schemaUpdated, List<String> logged, List<String> problems, int footersRead) {

  /** Copies the lists. */
  public TableCrawl {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(location, "location");
    schemaChanges = List.copyOf(schemaChanges);
    logged = List.copyOf(logged);
    problems = List.copyOf(problems);
  }
}
