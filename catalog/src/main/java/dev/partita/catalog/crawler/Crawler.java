package dev.partita.catalog.crawler;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogFile;
import dev.partita.catalog.CatalogPartition;
import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.ChangeResult;
import dev.partita.catalog.PartitionChanges;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.SchemaEvolution;
import dev.partita.catalog.TableChange;
import dev.partita.catalog.TableExistsException;
import dev.partita.catalog.TableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Fills a catalog from files, as Glue's crawlers do: finds the tables under a path, describes each with
 * {@link TableScanner}, and creates or updates its catalog table according to the {@link CrawlerOptions}' policies.
 * Each table's partition and file changes are one catalog transaction.
 *
 * <p>Tables: the crawled path itself when it is a data file or holds data files or {@code name=value} folders;
 * otherwise every such directory below it (hidden {@code _}/{@code .} folders skipped). A table is named after its
 * folder (a single file after its name without extensions) as Glue names tables: lower case, every character
 * other than {@code a-z}, {@code 0-9} and {@code _} replaced by {@code _}, the optional prefix in front; or the
 * name given in the options.
 */
public final class Crawler {
  private final Catalog catalog;
  private final CrawlerOptions options;
  private final Clock clock;

  private Crawler(Catalog catalog, CrawlerOptions options, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A crawler registering into {@code catalog}. */
  public static Crawler create(Catalog catalog, CrawlerOptions options) {
    return new Crawler(catalog, options, Clock.systemUTC());
  }

  /** A crawler with an injected clock (for report times). */
  public static Crawler create(Catalog catalog, CrawlerOptions options, Clock clock) {
    return new Crawler(catalog, options, clock);
  }

  /** The options. */
  public CrawlerOptions options() {
    return options;
  }

  /**
   * Crawls {@code path} once.
   *
   * @throws IllegalArgumentException when the path does not exist, or a fixed table name is set and several
   *     tables are found
   * @throws UncheckedIOException when a directory cannot be listed
   * @throws dev.partita.catalog.CatalogException when the catalog fails
   */
  public CrawlReport crawl(Path path) {
    Objects.requireNonNull(path, "path");
    Instant start = clock.instant();
    long t0 = System.nanoTime();
    Path root = path.toAbsolutePath().normalize();
    if (!Files.exists(root)) {
      throw new IllegalArgumentException("cannot crawl " + path + ": no such file or directory");
    }
    List<Path> tables = new ArrayList<>();
    try {
      findTables(root, tables);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot crawl " + path + ": " + e.getMessage(), e);
    }
    if (options.tableName().isPresent() && tables.size() > 1) {
      throw new IllegalArgumentException("crawl of " + path + " found " + tables.size() + " tables (" + tables
          + ") but a single table name '" + options.tableName().get() + "' was given; crawl one table folder or"
          + " drop the name to name tables after their folders");
    }
    List<TableCrawl> results = new ArrayList<>();
    for (Path t : tables) {
      results.add(crawlTable(t, tableId(t)));
    }
    return new CrawlReport(path, start, Duration.ofNanos(System.nanoTime() - t0), results);
  }

  private static void findTables(Path path, List<Path> out) throws IOException {
    if (Files.isRegularFile(path) || TableScanner.isTableRoot(path)) {
      out.add(path);
      return;
    }
    List<Path> children;
    try (Stream<Path> s = Files.list(path)) {
      children = s.filter(Files::isDirectory).filter(p -> !TableScanner.hidden(p.getFileName().toString()))
          .sorted().toList();
    }
    for (Path c : children) {
      findTables(c, out);
    }
  }

  private TableId tableId(Path root) {
    if (options.tableName().isPresent()) {
      return TableId.of(options.namespace(), options.tableName().get());
    }
    String name = root.getFileName() == null ? "table" : root.getFileName().toString();
    if (Files.isRegularFile(root)) {
      int dot = name.indexOf('.');
      name = dot > 0 ? name.substring(0, dot) : name;
    }
    return TableId.of(options.namespace(), options.tablePrefix() + glueName(name));
  }

  /** A name as Glue's crawler makes it: lower case, anything but {@code [a-z0-9_]} as {@code _}. */
  static String glueName(String folder) {
    String lower = folder.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
    }
    return sb.length() == 0 ? "_" : sb.toString();
  }

  private TableCrawl crawlTable(Path root, TableId id) {
    var existing = catalog.tables().find(id);
    Predicate<String> skip = partition -> false;
    if (existing.isPresent() && options.recrawlPolicy() == RecrawlPolicy.CRAWL_NEW_FOLDERS_ONLY) {
      Set<String> known = new HashSet<>();
      catalog.partitions().list(id, PartitionFilter.all()).forEach(p -> known.add(p.path()));
      skip = known::contains;
    }
    ScannedTable scanned = TableScanner.scan(root, skip);
    Outcome o = new Outcome(scanned);
    o.problems.addAll(scanned.warnings());
    o.problems.addAll(scanned.schemaConflicts());
    if (existing.isEmpty()) {
      if (scanned.files().isEmpty()) {
        o.problems.add("no readable Parquet or ORC files: table not created");
        return o.result(id, root, false, ChangeResult.ALREADY_APPLIED);
      }
      try {
        catalog.tables().create(scanned.toDefinition(id).toBuilder()
            .property("partita.crawler.crawled-at", clock.instant().toString()).build());
      } catch (TableExistsException e) {
        // Created by a concurrent crawl or write: crawl it as an existing table next time.
        o.problems.add("created concurrently by another process; crawl again to update it");
        return o.result(id, root, false, ChangeResult.ALREADY_APPLIED);
      }
      ChangeResult r = catalog.partitions().apply(id, scanned.toChanges());
      return o.result(id, root, true, r);
    }
    CatalogTable t = existing.get();
    String location = scanned.toDefinition(id).location();
    if (!t.location().equals(location)) {
      o.problems.add("catalog table " + id + " is at " + t.location() + ", not " + location + "; not updated");
      return o.result(id, root, false, ChangeResult.ALREADY_APPLIED);
    }
    List<String> expected = t.definition().partitionColumns().stream().map(PartitionColumn::name).toList();
    List<String> found = scanned.partitionColumns().stream().map(PartitionColumn::name).toList();
    if (!scanned.files().isEmpty() && !expected.equals(found)) {
      o.problems.add("partition folders " + found + " differ from the catalog's " + expected + "; not updated");
      return o.result(id, root, false, ChangeResult.ALREADY_APPLIED);
    }
    if (!scanned.files().isEmpty()) {
      SchemaEvolution.Result merged = SchemaEvolution.merge(t.schema(), scanned.schema());
      o.problems.addAll(merged.conflicts());
      o.schemaChanges.addAll(merged.changes());
      if (merged.changed()) {
        if (options.schemaChangePolicy() == SchemaChangePolicy.UPDATE_IN_CATALOG) {
          catalog.tables().alter(id, List.of(TableChange.setSchema(merged.schema(),
              "crawl: " + String.join(", ", merged.changes()))));
          o.schemaUpdated = true;
        } else {
          merged.changes().forEach(c -> o.logged.add("schema change not applied: " + c));
        }
      }
    }
    PartitionChanges.Builder changes = PartitionChanges.builder();
    if (options.recrawlPolicy() == RecrawlPolicy.CRAWL_NEW_FOLDERS_ONLY) {
      changes.addFiles(scanned.dataFiles());
    } else {
      reconcile(id, root, scanned, changes, o);
    }
    PartitionChanges batch = changes.build();
    ChangeResult r = batch.isEmpty() ? new ChangeResult(true, 0, 0, 0, 0, 0)
        : catalog.partitions().apply(id, batch);
    return o.result(id, root, false, r);
  }

  /** Registers new and changed files; applies the delete policy to vanished files and partitions. */
  private void reconcile(TableId id, Path root, ScannedTable scanned, PartitionChanges.Builder changes,
      Outcome o) {
    Map<String, CatalogFile> registered = new HashMap<>();
    for (CatalogFile f : catalog.partitions().files(id, PartitionFilter.all())) {
      registered.put(f.path(), f);
    }
    for (ScannedFile f : scanned.files()) {
      CatalogFile known = registered.get(f.path());
      if (known == null || known.bytes() != f.bytes() || known.rows() != f.rows()) {
        changes.addFile(TableScanner.dataFile(f));
      }
    }
    Map<String, List<CatalogFile>> vanished = new LinkedHashMap<>();
    for (CatalogFile f : registered.values()) {
      Path file = f.path().isEmpty() ? root : root.resolve(f.path());
      if (!Files.exists(file)) {
        vanished.computeIfAbsent(f.partitionPath(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, Long> remaining = new HashMap<>();
    for (CatalogPartition p : catalog.partitions().list(id, PartitionFilter.all())) {
      remaining.put(p.path(), p.files());
    }
    Set<String> scannedPartitions = new HashSet<>();
    scanned.files().forEach(f -> scannedPartitions.add(TableScanner.catalogPath(f.partition())));
    for (Map.Entry<String, List<CatalogFile>> e : vanished.entrySet()) {
      boolean whole = e.getValue().size() == remaining.getOrDefault(e.getKey(), 0L)
          && !scannedPartitions.contains(e.getKey());
      switch (options.deletePolicy()) {
        case DELETE_FROM_CATALOG -> {
          if (whole) {
            changes.dropPartition(e.getKey());
          } else {
            e.getValue().forEach(f -> changes.removeFile(f.path()));
          }
        }
        case DEPRECATE -> {
          if (whole) {
            changes.deprecatePartition(e.getKey());
          } else {
            e.getValue().forEach(f -> changes.removeFile(f.path()));
          }
        }
        case LOG -> {
          if (whole) {
            o.logged.add("partition " + e.getKey() + " is gone from disk; left in the catalog");
          } else {
            e.getValue().forEach(f -> o.logged.add("file " + f.path() + " is gone from disk; left in the catalog"));
          }
        }
      }
    }
  }

  /** What a table's crawl collected. */
  private static final class Outcome {
    final ScannedTable scanned;
    final List<String> schemaChanges = new ArrayList<>();
    final List<String> logged = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    boolean schemaUpdated;

    Outcome(ScannedTable scanned) {
      this.scanned = scanned;
    }

    TableCrawl result(TableId id, Path root, boolean created, ChangeResult r) {
      return new TableCrawl(id, root, created, r.partitionsAdded(), r.filesAdded(), r.filesRemoved(),
          r.partitionsDropped(), r.partitionsDeprecated(), schemaChanges, schemaUpdated, logged, problems,
          scanned.footersRead());
    }
  }
}
