package dev.partita.cli.jobs;

import dev.partita.DataSize;
import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.TableId;
import dev.partita.cli.Partita;
import dev.partita.cli.catalog.CatalogUrl;
import dev.partita.cli.convert.PartitionArgument;
import dev.partita.cli.convert.SchemaArgument;
import dev.partita.cli.run.Sizes;
import dev.partita.cli.run.UsageException;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormats;
import dev.partita.format.text.read.CsvOptions;
import dev.partita.jobs.DryRun;
import dev.partita.jobs.IngestJob;
import dev.partita.jobs.JobRunner;
import dev.partita.jobs.PlannedInput;
import dev.partita.jobs.RunRecord;
import dev.partita.jobs.RunnerOptions;
import dev.partita.jobs.source.ChangedFilePolicy;
import dev.partita.jobs.source.FileSource;
import dev.partita.jobs.source.JdbcSource;
import dev.partita.jobs.source.LateRowPolicy;
import dev.partita.jobs.source.Source;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.Schema;
import dev.partita.write.WriteOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code partita ingest}: one run of a named incremental job (see the jobs module) from files or a JDBC query into
 * a catalog table. The first run creates the table from the write options; later runs take schema, partitioning,
 * format and location from the catalog table.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
    description = {"Runs a named incremental job once: reads what its bookmark has not seen (new files in a folder,"
        + " or JDBC rows above the bookmark keys), appends it to a catalog table in one commit, and advances the"
        + " bookmark in the catalog transaction that registers the commit. A second run of the same job at the"
        + " same time fails at once."},
    footer = {"", "Examples:",
        "  partita ingest --job weather --input /landing/weather --glob '*.csv' --table weather.daily \\",
        "      --output /tables/weather --partition-by 'year(date)'",
        "  partita ingest --job orders --jdbc jdbc:postgresql://db/shop --source-table orders \\",
        "      --bookmark-keys id --table shop.orders --output /tables/orders",
        "", "Exit codes: 0 success (or nothing new), 1 failed run or another run holds the lease, 2 usage error."})
public final class IngestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--job", required = true, paramLabel = "NAME", description = "The job's name: its bookmark, lease"
      + " and run history are kept under it.")
  String job;

  @Option(names = "--table", required = true, paramLabel = "NAME",
      description = "The catalog table (namespace.name) the job appends to; created by the first run.")
  String table;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "The table directory; needed when the catalog table does not exist yet.")
  Path output;

  @Option(names = {"-i", "--input"}, paramLabel = "DIR", description = "A folder of arriving files.")
  Path input;

  @Option(names = "--glob", paramLabel = "GLOB", defaultValue = "**",
      description = "Files to read, relative to --input (e.g. '*.csv', '**.json.gz'); default every file. Names"
          + " starting with . or _ are skipped.")
  String glob;

  @Option(names = "--input-format", paramLabel = "csv|json",
      description = "CSV or JSON Lines; default json when --glob names .json/.jsonl/.ndjson files, else csv.")
  String inputFormat;

  @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (\\t for tab); default ','.")
  String delimiter;

  @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"", description = "CSV quote; default \".")
  String quote;

  @Option(names = "--no-header", description = "CSV files have no header (columns column1, column2, ...).")
  boolean noHeader;

  @Option(names = "--null-value", paramLabel = "TEXT", defaultValue = "",
      description = "Unquoted CSV text read as null; default the empty field.")
  String nullValue;

  @Option(names = "--changed-files", paramLabel = "ignore|reprocess", defaultValue = "ignore",
      description = "A file changed after it was read: ignore (default) or read again (its earlier rows stay).")
  String changedFiles;

  @Option(names = "--content-hash", description = "Keep a SHA-256 of each file read, so a touched but unchanged"
      + " file is not read again.")
  boolean contentHash;

  @Option(names = "--settle-time", paramLabel = "DURATION", converter = Durations.class, defaultValue = "0s",
      description = "Leave files modified less than this ago for a later run; default 0s.")
  Duration settleTime;

  @Option(names = "--max-files-per-run", paramLabel = "N", description = "Most files a run reads.")
  Integer maxFilesPerRun;

  @Option(names = "--jdbc", paramLabel = "URL", description = "A JDBC source (credentials in the URL or"
      + " --jdbc-user/--jdbc-password).")
  String jdbc;

  @Option(names = "--jdbc-user", paramLabel = "USER", description = "JDBC user.")
  String jdbcUser;

  @Option(names = "--jdbc-password", paramLabel = "PASSWORD", description = "JDBC password.")
  String jdbcPassword;

  @Option(names = "--query", paramLabel = "SQL", description = "The SELECT to read (no ORDER BY).")
  String query;

  @Option(names = "--source-table", paramLabel = "NAME", description = "A table to read instead of --query.")
  String sourceTable;

  @Option(names = "--bookmark-keys", paramLabel = "COLS", split = ",",
      description = "JDBC bookmark key columns, most significant first; their values must increase.")
  List<String> bookmarkKeys;

  @Option(names = "--max-rows-per-run", paramLabel = "N", description = "Most JDBC rows a run reads (a key is"
      + " never split between runs).")
  Long maxRowsPerRun;

  @Option(names = "--late-rows", paramLabel = "report|fail", defaultValue = "report",
      description = "JDBC rows that arrive with keys at or below the bookmark: report (default) or fail the run.")
  String lateRows;

  @Option(names = "--schema", paramLabel = "'name:type,...'",
      description = "Source column types for the first run instead of inference (files) or the query's types.")
  String schema;

  @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "10000",
      description = "Records read to infer the schema of a first file run; default ${DEFAULT-VALUE}.")
  int sampleRows;

  @Option(names = "--partition-by", paramLabel = "'SPEC,...'",
      description = "Partition fields of a new table, as for 'partita write': col, year(col), month(col), day(col),"
          + " hour(col), date(col), bucket(N,col), truncate(W,col).")
  String partitionBy;

  @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Zone of time partitions of timestamptz columns of a new table; default UTC.")
  String timeZone;

  @Option(names = "--format", paramLabel = "parquet|orc|csv|json",
      description = "Output format of a new table; default parquet (an existing table keeps its format).")
  String format;

  @Option(names = "--codec", paramLabel = "NAME", description = "Codec; default snappy (Parquet, ORC), none (CSV,"
      + " JSON).")
  String codec;

  @Option(names = "--level", paramLabel = "N", description = "Codec level.")
  Integer level;

  @Option(names = {"-O", "--format-option"}, paramLabel = "KEY=VALUE", description = "Further format option.")
  Map<String, String> formatOptions = new LinkedHashMap<>();

  @Option(names = "--target-file-size", paramLabel = "SIZE", defaultValue = "128MB",
      description = "Roll to a new file at this size; default ${DEFAULT-VALUE}.")
  String targetFileSize;

  @Option(names = "--max-rows-per-file", paramLabel = "N", description = "Roll to a new file at this many rows.")
  Long maxRowsPerFile;

  @Option(names = "--max-open-files", paramLabel = "N", description = "Most files open at once; default as"
      + " 'partita write'.")
  Integer maxOpenFiles;

  @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "256MB",
      description = "Memory budget of open files; default ${DEFAULT-VALUE}.")
  String memory;

  @Option(names = "--max-bad-rows", paramLabel = "N", defaultValue = "0",
      description = "Bad records a run accepts (counted and reported); one more fails it. Default 0.")
  long maxBadRows;

  @Option(names = "--lease", paramLabel = "DURATION", converter = Durations.class, defaultValue = "2m",
      description = "Lease duration, renewed while the run goes on; default 2m.")
  Duration lease;

  @Option(names = "--dry-run", description = "List what a run would read; read and write nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the run's record as one JSON object.")
  boolean json;

  @Mixin
  CatalogUrl catalog;

  /** Creates the command; picocli instantiates it. */
  public IngestCommand() {}

  @Override
  public Integer call() throws IOException, SQLException {
    if ((input == null) == (jdbc == null)) {
      throw new UsageException("give one source: --input DIR (files) or --jdbc URL (a table or query)");
    }
    if (jdbc != null && ((query == null) == (sourceTable == null))) {
      throw new UsageException("--jdbc needs --query SQL or --source-table NAME (one of them)");
    }
    if (jdbc != null && (bookmarkKeys == null || bookmarkKeys.isEmpty())) {
      throw new UsageException("--jdbc needs --bookmark-keys: the columns whose values increase with new rows");
    }
    TableId id = usage(() -> TableId.parse(table), "--table");
    PrintWriter out = spec.commandLine().getOut();
    try (Catalog c = catalog.open()) {
      Optional<CatalogTable> existing = c.tables().find(id);
      Path location = location(existing);
      Schema rows;
      PartitionSpec partitions;
      String formatName;
      if (existing.isPresent()) {
        CatalogTable t = existing.get();
        if (schema != null) {
          throw new UsageException("--schema: catalog table " + id + " exists; its schema is used");
        }
        rows = JobSchemas.fromTable(t);
        partitions = usage(() -> JobSchemas.specFromTable(t, rows), "catalog table " + id);
        if (partitionBy != null) {
          PartitionSpec given = usage(() -> PartitionArgument.parse(partitionBy, rows, ZoneId.of(timeZone)),
              "--partition-by");
          if (!names(given).equals(names(partitions))) {
            throw new UsageException("--partition-by gives " + names(given) + " but catalog table " + id
                + " is partitioned by " + names(partitions));
          }
        }
        formatName = t.definition().format();
        if (format != null && !format.equalsIgnoreCase(formatName)) {
          throw new UsageException("--format " + format + ": catalog table " + id + " is " + formatName);
        }
      } else {
        rows = schema != null ? usage(() -> SchemaArgument.parse(schema), "--schema") : inferSchema();
        partitions = partitionBy == null ? PartitionSpec.unpartitioned(rows)
            : usage(() -> PartitionArgument.parse(partitionBy, rows, ZoneId.of(timeZone)), "--partition-by");
        formatName = format == null ? "parquet" : format.toLowerCase(Locale.ROOT);
      }
      WriteOptions options = usage(() -> writeOptions(rows, partitions, formatName), "write options");
      IngestJob ingest = usage(() -> IngestJob.builder(job, id, location).source(source(rows)).writeOptions(options)
          .maxBadRows(maxBadRows).build(), "job");
      JobRunner runner = JobRunner.create(c, RunnerOptions.builder().leaseDuration(lease).build());
      if (dryRun) {
        printPlan(runner.dryRun(ingest), out);
      } else {
        RunRecord r = runner.run(ingest);
        if (json) {
          Records.json(r, out);
        } else {
          Records.summary(r, id, out);
        }
      }
    }
    out.flush();
    return Partita.EXIT_OK;
  }

  private Path location(Optional<CatalogTable> existing) {
    if (existing.isPresent()) {
      Path at = Path.of(existing.get().location());
      if (output != null && !output.toAbsolutePath().normalize().equals(at)) {
        throw new UsageException("--output " + output + ": catalog table " + table + " is at " + at);
      }
      return at;
    }
    if (output == null) {
      throw new UsageException("--output DIR is needed: catalog table " + table + " does not exist yet, and the"
          + " first run creates it there");
    }
    return output.toAbsolutePath().normalize();
  }

  private static List<String> names(PartitionSpec spec) {
    return spec.fields().stream().map(dev.partita.partition.PartitionField::name).toList();
  }

  private boolean jsonInput() {
    if (inputFormat != null) {
      return switch (inputFormat.toLowerCase(Locale.ROOT)) {
        case "json", "jsonl", "ndjson" -> true;
        case "csv" -> false;
        default -> throw new UsageException("--input-format must be csv or json, got '" + inputFormat + "'");
      };
    }
    String g = glob.toLowerCase(Locale.ROOT);
    return g.contains(".json") || g.contains(".jsonl") || g.contains(".ndjson");
  }

  private char oneChar(String text, String option) {
    String t = "\\t".equals(text) ? "\t" : text;
    if (t == null || t.length() != 1) {
      throw new UsageException(option + " must be one character, got '" + text + "'");
    }
    return t.charAt(0);
  }

  private CsvOptions csv() {
    return usage(() -> CsvOptions.builder().delimiter(delimiter == null ? ',' : oneChar(delimiter, "--delimiter"))
        .quote(oneChar(quote, "--quote")).header(!noHeader).nullValue(nullValue).build(), "CSV options");
  }

  private Schema inferSchema() throws IOException, SQLException {
    if (jdbc != null) {
      return JobSchemas.fromQuery(jdbc, properties(), query != null ? query : "SELECT * FROM " + sourceTable);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    Path dir = input.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--input " + input + " is not a directory");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir)) {
      all.filter(Files::isRegularFile).filter(p -> matcher.matches(dir.relativize(p)))
          .filter(p -> {
            for (Path part : dir.relativize(p)) {
              if (part.toString().startsWith(".") || part.toString().startsWith("_")) {
                return false;
              }
            }
            return true;
          }).sorted().forEach(files::add);
    }
    if (files.isEmpty()) {
      throw new UsageException("no files match --glob '" + glob + "' under " + dir + " to infer the schema from;"
          + " pass --schema, or run again when files have arrived");
    }
    return JobSchemas.infer(files, jsonInput(), csv(), sampleRows);
  }

  private Properties properties() {
    Properties p = new Properties();
    if (jdbcUser != null) {
      p.setProperty("user", jdbcUser);
    }
    if (jdbcPassword != null) {
      p.setProperty("password", jdbcPassword);
    }
    return p;
  }

  private Source source(Schema rows) {
    if (jdbc != null) {
      JdbcSource.Builder b = query != null ? JdbcSource.query("jdbc", jdbc, query, rows)
          : JdbcSource.table("jdbc", jdbc, sourceTable, rows);
      properties().forEach((k, v) -> b.property((String) k, (String) v));
      b.bookmarkKeys(bookmarkKeys.toArray(String[]::new));
      if (maxRowsPerRun != null) {
        b.maxRowsPerRun(maxRowsPerRun);
      }
      b.lateRows(switch (lateRows.toLowerCase(Locale.ROOT)) {
        case "report" -> LateRowPolicy.REPORT;
        case "fail" -> LateRowPolicy.FAIL;
        default -> throw new UsageException("--late-rows must be report or fail, got '" + lateRows + "'");
      });
      return b.build();
    }
    CsvOptions csv = csv();
    FileSource.Builder b = jsonInput() ? FileSource.jsonLines("input", input, rows)
        : FileSource.csv("input", input, rows).delimiter(csv.delimiter()).quote(csv.quote()).header(csv.header())
            .nullValue(csv.nullValue());
    b.glob(glob).contentHash(contentHash).settleTime(settleTime).changedFiles(switch (
        changedFiles.toLowerCase(Locale.ROOT)) {
      case "ignore" -> ChangedFilePolicy.IGNORE;
      case "reprocess" -> ChangedFilePolicy.REPROCESS;
      default -> throw new UsageException("--changed-files must be ignore or reprocess, got '" + changedFiles + "'");
    });
    if (maxFilesPerRun != null) {
      b.maxFilesPerRun(maxFilesPerRun);
    }
    return b.build();
  }

  private WriteOptions writeOptions(Schema rows, PartitionSpec partitions, String formatName) {
    Map<String, String> opts = new LinkedHashMap<>(formatOptions);
    boolean binary = formatName.equals("parquet") || formatName.equals("orc");
    opts.put("codec", codec != null ? codec : binary ? "snappy" : "none");
    if (level != null) {
      opts.put("level", Integer.toString(level));
    }
    FileFormat f = FileFormats.byName(formatName, opts);
    WriteOptions.Builder b = WriteOptions.builder(rows, f).partitionBy(partitions)
        .targetFileSize(DataSize.parse(targetFileSize)).memoryBudget(DataSize.parse(memory));
    if (maxRowsPerFile != null) {
      b.maxRowsPerFile(maxRowsPerFile);
    }
    if (maxOpenFiles != null) {
      b.maxOpenFiles(maxOpenFiles);
    }
    return b.build();
  }

  private static void printPlan(DryRun plan, PrintWriter out) {
    out.println("Dry run of job " + plan.job() + ": " + plan.reads().size() + " input(s) to read");
    for (PlannedInput p : plan.inputs()) {
      out.printf(Locale.ROOT, "  %-17s %s  (%s; %s)%n", p.action(), p.input(),
          p.action() == PlannedInput.Action.READ_ROWS ? p.size() + " rows" : Sizes.human(p.size()), p.detail());
    }
    for (String n : plan.notes()) {
      out.println("  note: " + n);
    }
  }

  /** Runs {@code s}, turning an {@link IllegalArgumentException} into a usage error naming {@code what}. */
  private static <T> T usage(java.util.function.Supplier<T> s, String what) {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(what + ": " + e.getMessage(), e);
    }
  }
}
