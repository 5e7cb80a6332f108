package dev.partita.cli.catalog;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.crawler.CrawlReport;
import dev.partita.catalog.crawler.Crawler;
import dev.partita.catalog.crawler.CrawlerOptions;
import dev.partita.catalog.crawler.DeletePolicy;
import dev.partita.catalog.crawler.RecrawlPolicy;
import dev.partita.catalog.crawler.SchemaChangePolicy;
import dev.partita.catalog.crawler.TableCrawl;
import dev.partita.catalog.schedule.CronSchedule;
import dev.partita.catalog.schedule.ScheduledCrawler;
import dev.partita.cli.Partita;
import dev.partita.cli.run.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita crawl PATH}: registers the tables under a path in the catalog, once or on a schedule. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
    description = {"Finds the tables under PATH (folders of Parquet or ORC files, with or without name=value"
        + " partition folders, or a single file), reads their footers and registers or updates them in the"
        + " catalog, as Glue's crawlers do. Tables are named after their folders (lower case, other characters"
        + " as _), after --prefix."},
    footer = {"", "Exit codes: 0 success, 1 crawl failed, 2 usage error."})
public final class CrawlCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  CatalogUrl catalog;

  @Parameters(index = "0", paramLabel = "PATH", description = "A table folder, a folder of tables, or a file.")
  Path path;

  @Option(names = "--namespace", paramLabel = "NAME", defaultValue = CrawlerOptions.DEFAULT_NAMESPACE,
      description = "Namespace (database) of the tables. Default: ${DEFAULT-VALUE}.")
  String namespace;

  @Option(names = "--prefix", paramLabel = "TEXT", defaultValue = "", description = "Prefix of table names.")
  String prefix;

  @Option(names = "--table", paramLabel = "NAME", description = "Name of the table (PATH must be one table).")
  String table;

  @Option(names = "--recrawl", paramLabel = "everything|new-folders", defaultValue = "everything",
      description = "Read every footer again, or only those of partition folders the catalog does not know."
          + " Default: ${DEFAULT-VALUE}.")
  String recrawl;

  @Option(names = "--on-schema-change", paramLabel = "update|log", defaultValue = "update",
      description = "Update the catalog's schema, or only report changes. Default: ${DEFAULT-VALUE}.")
  String onSchemaChange;

  @Option(names = "--on-delete", paramLabel = "delete|deprecate|log", defaultValue = "deprecate",
      description = "For vanished partitions: drop them, mark them deprecated, or only report them."
          + " Default: ${DEFAULT-VALUE}.")
  String onDelete;

  @Option(names = "--schedule", paramLabel = "CRON",
      description = "Crawl on a schedule instead of once: cron(M H DOM MON DOW Y) as AWS writes it (UTC), e.g."
          + " 'cron(0 12 * * ? *)', or 5 Unix fields. Runs until interrupted.")
  String schedule;

  @Option(names = "--show-schedule", paramLabel = "N", arity = "0..1", fallbackValue = "5",
      description = "With --schedule: print the next N run times (default 5) and exit without crawling.")
  Integer showSchedule;

  /** Creates the command; picocli instantiates it. */
  public CrawlCommand() {}

  @Override
  @SuppressWarnings("try") // the scheduled crawler runs until the try block ends
  public Integer call() throws Exception {
    CrawlerOptions options = options();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(path)) {
      throw new UsageException("PATH " + path + " does not exist");
    }
    if (schedule == null) {
      if (showSchedule != null) {
        throw new UsageException("--show-schedule needs --schedule");
      }
      try (Catalog c = catalog.open()) {
        print(Crawler.create(c, options).crawl(path), out, c.describe());
      }
      out.flush();
      return Partita.EXIT_OK;
    }
    CronSchedule cron;
    try {
      cron = CronSchedule.parse(schedule);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    out.println("Schedule " + cron.expression() + " (" + cron.describe() + ", " + cron.zone() + "); next runs:");
    for (ZonedDateTime t : cron.nextRuns(ZonedDateTime.now(ZoneId.of("UTC")),
        showSchedule == null ? 5 : showSchedule)) {
      out.println("  " + t);
    }
    out.flush();
    if (showSchedule != null) {
      return Partita.EXIT_OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch stop = new CountDownLatch(1);
    try (Catalog c = catalog.open();
        ScheduledCrawler s = ScheduledCrawler.start(Crawler.create(c, options), path, cron, Clock.systemUTC(),
            r -> {
              synchronized (out) {
                print(r, out, c.describe());
                out.flush();
              }
            },
            e -> {
              err.println("partita crawl: error: " + e.getMessage());
              err.flush();
            })) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return Partita.EXIT_OK;
  }

  private CrawlerOptions options() {
    CrawlerOptions.Builder b = CrawlerOptions.builder().namespace(namespace).tablePrefix(prefix);
    if (table != null) {
      b.tableName(table);
    }
    b.recrawlPolicy(switch (recrawl.toLowerCase(Locale.ROOT)) {
      case "everything" -> RecrawlPolicy.CRAWL_EVERYTHING;
      case "new-folders" -> RecrawlPolicy.CRAWL_NEW_FOLDERS_ONLY;
      default -> throw new UsageException("--recrawl must be everything or new-folders, got '" + recrawl + "'");
    });
    b.schemaChangePolicy(switch (onSchemaChange.toLowerCase(Locale.ROOT)) {
      case "update" -> SchemaChangePolicy.UPDATE_IN_CATALOG;
      case "log" -> SchemaChangePolicy.LOG;
      default -> throw new UsageException("--on-schema-change must be update or log, got '" + onSchemaChange
          + "'");
    });
    b.deletePolicy(switch (onDelete.toLowerCase(Locale.ROOT)) {
      case "delete" -> DeletePolicy.DELETE_FROM_CATALOG;
      case "deprecate" -> DeletePolicy.DEPRECATE;
      case "log" -> DeletePolicy.LOG;
      default -> throw new UsageException("--on-delete must be delete, deprecate or log, got '" + onDelete + "'");
    });
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private static void print(CrawlReport r, PrintWriter out, String catalog) {
    out.printf(Locale.ROOT, "Crawled %s into %s: %d table(s), %d footer(s) read, %.1f s%n", r.path(),
        Catalogs.redact(catalog), r.tables().size(), r.footersRead(), r.duration().toMillis() / 1000.0);
    for (TableCrawl t : r.tables()) {
      out.printf(Locale.ROOT, "  %s %s (%s): +%d partitions, +%d files, -%d files, %d dropped, %d deprecated%n",
          t.created() ? "created" : "updated", t.table(), t.location(), t.partitionsAdded(), t.filesAdded(),
          t.filesRemoved(), t.partitionsDropped(), t.partitionsDeprecated());
      for (String c : t.schemaChanges()) {
        out.println("    schema " + (t.schemaUpdated() ? "updated: " : "change (not applied): ") + c);
      }
      for (String l : t.logged()) {
        out.println("    logged: " + l);
      }
      for (String p : t.problems()) {
        out.println("    problem: " + p);
      }
    }
  }
}
