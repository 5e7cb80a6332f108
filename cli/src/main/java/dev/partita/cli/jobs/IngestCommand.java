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
import dev.partita.jobs.JobDefinition;
import dev.partita.jobs.JobDefinitions;
import dev.partita.jobs.JobRunner;
import dev.partita.jobs.JobTables;
import dev.partita.jobs.Jobs;
import dev.partita.jobs.PlannedInput;
import dev.partita.jobs.RunRecord;
import dev.partita.jobs.RunnerOptions;
import dev.partita.jobs.source.FileSource;
import dev.partita.jobs.source.JdbcSource;
import dev.partita.jobs.source.Source;
import dev.partita.jobs.source.SourceDefinitions;
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
 * format and location from the catalog table. Each run stores the job's source options with the job (its
 * definition), so later runs need only {@code --job NAME}; source options given again must equal the stored ones
 * unless {@code --redefine} stores the new ones.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
    description = {"Runs a named incremental job once: reads what its bookmark has not seen (new files in a folder,"
        + " or JDBC rows above the bookmark keys), appends it to a catalog table in one commit, and advances the"
        + " bookmark in the catalog transaction that registers the commit. A second run of the same job at the"
        + " same time fails at once.",
        "The source options (input, glob, input format, CSV options, changed-file policy, JDBC URL and query,"
            + " bookmark keys, table, ...) are stored with the job: later runs need only --job NAME. Options given"
            + " again must equal the stored ones; --redefine stores the given ones instead. A JDBC password is"
            + " never stored: give it on every run (--jdbc-password or PARTITA_JDBC_PASSWORD)."},
    footer = {"", "Examples:",
        "  partita ingest --job weather --input /landing/weather --glob '*.csv' --table weather.daily \\",
        "      --output /tables/weather --partition-by 'year(date)'",
        "  partita ingest --job weather                      # later runs: the stored definition",
        "  partita ingest --job weather --glob '*.csv.gz' --redefine",
        "  partita ingest --job events --input /landing/events --input-format parquet --table raw.events \\",
        "      --output /tables/events",
        "  partita ingest --job orders --jdbc jdbc:postgresql://db/shop --source-table orders \\",
        "      --bookmark-keys id --table shop.orders --output /tables/orders",
        "", "Exit codes: 0 success (or nothing new), 1 failed run or another run holds the lease, 2 usage error."})
public final class IngestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--job", required = true, paramLabel = "NAME", description = "The job's name: its bookmark, lease"
      + " and run history are kept under it.")
  String job;

  @Option(names = "--table", paramLabel = "NAME",
      description = "The catalog table (namespace.name) the job appends to; created by the first run. Stored.")
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

  @Option(names = "--input-format", paramLabel = "csv|json|parquet",
      description = "CSV, JSON Lines or Parquet; default by the extension --glob names (.json/.jsonl/.ndjson,"
          + " .parquet), else by the first file's, else csv.")
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

  @Option(names = "--jdbc-password", paramLabel = "PASSWORD", description = "JDBC password; never stored, so give it"
      + " (or the environment variable PARTITA_JDBC_PASSWORD) on every run of a job that needs one.")
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

  @Option(names = "--dry-run", description = "List what a run would read; read and write nothing (nor store the"
      + " definition).")
  boolean dryRun;

  @Option(names = "--redefine", description = "Store the given source options as the job's new definition (the"
      + " stored ones completed by them); without it, options that differ from the stored ones fail the run.")
  boolean redefine;

  @Option(names = "--json", description = "Print the run's record as one JSON object.")
  boolean json;

  @Mixin
  CatalogUrl catalog;

  /** Creates the command; picocli instantiates it. */
  public IngestCommand() {}

  @Override
  public Integer call() throws IOException, SQLException {
    PrintWriter out = spec.commandLine().getOut();
    try (Catalog c = catalog.open()) {
      JobDefinitions definitions = Jobs.definitions(c);
      Optional<JobDefinition> stored = definitions.current(job);
      Definition d = definition(stored);
      TableId id = usage(() -> TableId.parse(d.options.get("table")), "--table");
      Optional<CatalogTable> existing = c.tables().find(id);
      Path location = location(existing, id);
      Schema rows;
      PartitionSpec partitions;
      String formatName;
      if (existing.isPresent()) {
        CatalogTable t = existing.get();
        if (schema != null) {
          throw new UsageException("--schema: catalog table " + id + " exists; its schema is used");
        }
        rows = JobTables.writeSchema(t);
        partitions = usage(() -> JobTables.partitionSpec(t, rows), "catalog table " + id);
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
        rows = schema != null ? usage(() -> SchemaArgument.parse(schema), "--schema") : inferSchema(d);
        partitions = partitionBy == null ? PartitionSpec.unpartitioned(rows)
            : usage(() -> PartitionArgument.parse(partitionBy, rows, ZoneId.of(timeZone)), "--partition-by");
        formatName = format == null ? "parquet" : format.toLowerCase(Locale.ROOT);
      }
      WriteOptions options = usage(() -> writeOptions(rows, partitions, formatName), "write options");
      Source source = usage(() -> SourceDefinitions.source(d.source, d.sourceOptions(), rows, d.secrets()),
          "source");
      long maxBad = usage(() -> Long.parseLong(d.options.getOrDefault("max-bad-rows", "0")), "--max-bad-rows");
      IngestJob ingest = usage(() -> IngestJob.builder(job, id, location).source(source).writeOptions(options)
          .maxBadRows(maxBad).build(), "job");
      JobRunner runner = JobRunner.create(c, RunnerOptions.builder().leaseDuration(lease).build());
      if (dryRun) {
        printPlan(runner.dryRun(ingest), out);
      } else {
        RunRecord r = runner.run(ingest);
        if (json) {
          Records.json(r, out);
        } else {
          Records.summary(r, id, out);
          Optional<JobDefinition> now = definitions.current(job);
          if (now.isPresent() && (stored.isEmpty() || now.get().version() != stored.get().version())) {
            out.println("Stored the job's definition (version " + now.get().version() + "): later runs need only"
                + " 'partita ingest --job " + job + "'" + (source instanceof JdbcSource
                && SourceDefinitions.NOT_STORED.equals(now.get().options().get("source." + d.source + ".password"))
                ? " and the password (--jdbc-password or PARTITA_JDBC_PASSWORD), which is never stored" : ""));
          }
        }
      }
    }
    out.flush();
    return Partita.EXIT_OK;
  }

  /** The source options a run uses: the stored definition, the given options, or both with --redefine. */
  private static final class Definition {
    final String source;
    final Map<String, String> options;
    final String password;

    Definition(String source, Map<String, String> options, String password) {
      this.source = source;
      this.options = options;
      this.password = password;
    }

    Map<String, String> sourceOptions() {
      String prefix = "source." + source + ".";
      Map<String, String> out = new LinkedHashMap<>();
      options.forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          out.put(k.substring(prefix.length()), v);
        }
      });
      return out;
    }

    Map<String, String> secrets() {
      return password == null ? Map.of() : Map.of(SourceDefinitions.PASSWORD, password);
    }
  }

  /** The option flags of the definition, by the option's name in the stored definition (source part unprefixed). */
  private static final Map<String, String> FILE_FLAGS = flags("directory", "--input", "glob", "--glob", "format",
      "--input-format", "delimiter", "--delimiter", "quote", "--quote", "header", "--no-header", "null-value",
      "--null-value", "changed-files", "--changed-files", "content-hash", "--content-hash", "settle-time",
      "--settle-time", "max-files-per-run", "--max-files-per-run");
  private static final Map<String, String> JDBC_FLAGS = flags("url", "--jdbc", "query", "--query or --source-table",
      "bookmark-keys", "--bookmark-keys", "max-rows-per-run", "--max-rows-per-run", "late-rows", "--late-rows",
      "property.user", "--jdbc-user");

  private static Map<String, String> flags(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private boolean given(String flag) {
    return spec.commandLine().getParseResult().hasMatchedOption(flag);
  }

  /**
   * The options given on this command line, normalized as the stored definition holds them, keyed as there
   * ({@code table}, {@code max-bad-rows}, {@code source.<name>.<option>}).
   */
  private Map<String, String> givenOptions(String source) {
    Map<String, String> g = new LinkedHashMap<>();
    if (table != null) {
      g.put("table", usage(() -> TableId.parse(table), "--table").toString());
    }
    if (given("--max-bad-rows")) {
      if (maxBadRows < 0) {
        throw new UsageException("--max-bad-rows must be at least 0, got " + maxBadRows);
      }
      g.put("max-bad-rows", Long.toString(maxBadRows));
    }
    String p = "source." + source + ".";
    if (input != null) {
      g.put(p + "kind", "files");
      g.put(p + "directory", input.toAbsolutePath().normalize().toString());
    }
    if (given("--glob")) {
      g.put(p + "glob", glob);
    }
    if (inputFormat != null) {
      g.put(p + "format", SourceDefinitions.formatName(usage(() -> SourceDefinitions.format(source, inputFormat),
          "--input-format")));
    }
    if (delimiter != null) {
      g.put(p + "delimiter", Character.toString(oneChar(delimiter, "--delimiter")));
    }
    if (given("--quote")) {
      g.put(p + "quote", Character.toString(oneChar(quote, "--quote")));
    }
    if (noHeader) {
      g.put(p + "header", "false");
    }
    if (given("--null-value")) {
      g.put(p + "null-value", nullValue);
    }
    if (given("--changed-files")) {
      g.put(p + "changed-files", oneOf(changedFiles, "--changed-files", "ignore", "reprocess"));
    }
    if (contentHash) {
      g.put(p + "content-hash", "true");
    }
    if (given("--settle-time")) {
      g.put(p + "settle-time", settleTime.toString());
    }
    if (maxFilesPerRun != null) {
      g.put(p + "max-files-per-run", Integer.toString(maxFilesPerRun));
    }
    if (jdbc != null) {
      g.put(p + "kind", "jdbc");
      g.put(p + "url", SourceDefinitions.withoutCredentials(jdbc));
    }
    if (query != null && sourceTable != null) {
      throw new UsageException("give --query SQL or --source-table NAME, not both");
    }
    if (query != null) {
      g.put(p + "query", query);
    }
    if (sourceTable != null) {
      g.put(p + "query", "SELECT * FROM " + sourceTable);
    }
    if (bookmarkKeys != null && !bookmarkKeys.isEmpty()) {
      g.put(p + "bookmark-keys", String.join(",", bookmarkKeys.stream().map(String::strip).toList()));
    }
    if (maxRowsPerRun != null) {
      g.put(p + "max-rows-per-run", Long.toString(maxRowsPerRun));
    }
    if (given("--late-rows")) {
      g.put(p + "late-rows", oneOf(lateRows, "--late-rows", "report", "fail"));
    }
    if (jdbcUser != null) {
      g.put(p + "property.user", jdbcUser);
    }
    return g;
  }

  /** Which kind of source the given options describe: files, jdbc, or null when they name none. */
  private String givenKind() {
    boolean files = input != null || given("--glob") || inputFormat != null || delimiter != null || given("--quote")
        || noHeader || given("--null-value") || given("--changed-files") || contentHash || given("--settle-time")
        || maxFilesPerRun != null;
    boolean rows = jdbc != null || query != null || sourceTable != null || bookmarkKeys != null
        || maxRowsPerRun != null || given("--late-rows") || jdbcUser != null;
    if (files && rows) {
      throw new UsageException("file options (--input, --glob, ...) and JDBC options (--jdbc, --query, ...) do not"
          + " go together: a job reads one source");
    }
    return files ? "files" : rows ? "jdbc" : null;
  }

  private Definition definition(Optional<JobDefinition> stored) {
    String kind = givenKind();
    if (stored.isEmpty()) {
      if (kind == null || (input == null) == (jdbc == null)) {
        throw new UsageException("give one source: --input DIR (files) or --jdbc URL (a table or query); job '" + job
            + "' has no stored definition to run");
      }
      if (jdbc != null && ((query == null) == (sourceTable == null))) {
        throw new UsageException("--jdbc needs --query SQL or --source-table NAME (one of them)");
      }
      if (jdbc != null && (bookmarkKeys == null || bookmarkKeys.isEmpty())) {
        throw new UsageException("--jdbc needs --bookmark-keys: the columns whose values increase with new rows");
      }
      if (table == null) {
        throw new UsageException("--table NAME is needed: job '" + job + "' has no stored definition yet");
      }
      String source = kind.equals("files") ? "input" : "jdbc";
      Map<String, String> options = givenOptions(source);
      deriveFormat(options, source);
      return new Definition(source, options, password(options, source, true));
    }
    JobDefinition d = stored.get();
    if (d.sources().size() != 1) {
      throw new UsageException("job '" + job + "' reads " + d.sources().size() + " sources " + d.sources() + "; the"
          + " command line runs jobs of one source (run it with the partita-jobs API)");
    }
    if (d.options().containsKey("transform")) {
      throw new UsageException("job '" + job + "' has a transform (code, not stored); run it with the partita-jobs"
          + " API");
    }
    String storedSource = d.sources().get(0);
    String storedKind = d.options().get("source." + storedSource + ".kind");
    boolean switching = kind != null && !kind.equals(storedKind);
    String source = switching ? (kind.equals("files") ? "input" : "jdbc") : storedSource;
    Map<String, String> given = givenOptions(source);
    List<JobDefinition.Difference> differences = d.differences(given);
    if (differences.isEmpty()) {
      Map<String, String> options = new LinkedHashMap<>(d.options());
      return new Definition(source, options, password(options, source, false));
    }
    if (!redefine) {
      StringBuilder m = new StringBuilder("job '" + job + "' is defined differently: stored definition version "
          + d.version() + " (since run " + d.sinceRun() + ") has");
      for (JobDefinition.Difference diff : differences) {
        m.append("\n  ").append(flag(diff.option(), source)).append(": stored ")
            .append(diff.stored().map(v -> "'" + v + "'").orElse("nothing")).append(", given '").append(diff.given())
            .append("'");
      }
      m.append("\nLeave these options out to run the stored definition, or add --redefine to store the given"
          + " options as version ").append(d.version() + 1).append(" (runs of earlier versions stay in the history;"
          + " 'partita bookmarks show ").append(job).append("' shows the definition)");
      throw new UsageException(m.toString());
    }
    Map<String, String> options = new LinkedHashMap<>();
    d.options().forEach((k, v) -> {
      if (!switching || !k.startsWith("source.")) {
        options.put(k, v);
      }
    });
    String prefix = "source." + source + ".";
    if (!given.containsKey(prefix + "format") && (given.containsKey(prefix + "glob")
        || given.containsKey(prefix + "directory"))) {
      options.remove(prefix + "format");
    }
    options.putAll(given);
    if ("files".equals(options.get(prefix + "kind"))) {
      deriveFormat(options, source);
    }
    return new Definition(source, options, password(options, source, switching));
  }

  /**
   * The JDBC password of this run: --jdbc-password, else the one in the given URL, else PARTITA_JDBC_PASSWORD when
   * the source is new ({@code fresh}) or its stored definition says it connects with a password.
   */
  private String password(Map<String, String> options, String source, boolean fresh) {
    if (!"jdbc".equals(options.get("source." + source + ".kind"))) {
      return null;
    }
    if (jdbcPassword != null) {
      return jdbcPassword;
    }
    if (jdbc != null && SourceDefinitions.passwordOf(jdbc).isPresent()) {
      return SourceDefinitions.passwordOf(jdbc).get();
    }
    boolean needs = fresh || SourceDefinitions.NOT_STORED.equals(options.get("source." + source + ".password"));
    return needs ? System.getenv("PARTITA_JDBC_PASSWORD") : null;
  }

  /** The flag of a definition option, for messages. */
  private static String flag(String option, String source) {
    String prefix = "source." + source + ".";
    if (option.startsWith(prefix)) {
      String key = option.substring(prefix.length());
      String f = FILE_FLAGS.getOrDefault(key, JDBC_FLAGS.get(key));
      return f == null ? option : f;
    }
    return option.equals("table") ? "--table" : option.equals("max-bad-rows") ? "--max-bad-rows" : option;
  }

  /**
   * Sets the input format of a file source that has none: by the extension the glob names, else by the first file
   * the glob matches, else CSV.
   */
  private void deriveFormat(Map<String, String> options, String source) {
    String prefix = "source." + source + ".";
    if (!"files".equals(options.get(prefix + "kind")) || options.containsKey(prefix + "format")) {
      return;
    }
    String glob = options.getOrDefault(prefix + "glob", FileSource.DEFAULT_GLOB);
    String g = glob.toLowerCase(Locale.ROOT);
    FileSource.Format f;
    if (g.contains(".parquet") || g.contains(".parq")) {
      f = FileSource.Format.PARQUET;
    } else if (g.contains(".json") || g.contains(".jsonl") || g.contains(".ndjson")) {
      f = FileSource.Format.JSON_LINES;
    } else if (g.contains(".csv") || g.contains(".tsv") || g.contains(".txt")) {
      f = FileSource.Format.CSV;
    } else {
      List<Path> files = matching(Path.of(options.get(prefix + "directory")), glob);
      f = files.isEmpty() ? FileSource.Format.CSV : FileSource.Format.ofFileName(files.get(0).getFileName()
          .toString());
    }
    options.put(prefix + "format", SourceDefinitions.formatName(f));
  }

  private Path location(Optional<CatalogTable> existing, TableId id) {
    if (existing.isPresent()) {
      Path at = Path.of(existing.get().location());
      if (output != null && !output.toAbsolutePath().normalize().equals(at)) {
        throw new UsageException("--output " + output + ": catalog table " + id + " is at " + at);
      }
      return at;
    }
    if (output == null) {
      throw new UsageException("--output DIR is needed: catalog table " + id + " does not exist yet, and the"
          + " first run creates it there (with --partition-by, --format, ... as given)");
    }
    return output.toAbsolutePath().normalize();
  }

  private static List<String> names(PartitionSpec spec) {
    return spec.fields().stream().map(dev.partita.partition.PartitionField::name).toList();
  }

  private static String oneOf(String value, String option, String... allowed) {
    String v = value.toLowerCase(Locale.ROOT);
    if (!List.of(allowed).contains(v)) {
      throw new UsageException(option + " must be " + String.join(" or ", allowed) + ", got '" + value + "'");
    }
    return v;
  }

  private static char oneChar(String text, String option) {
    String t = "\\t".equals(text) ? "\t" : text;
    if (t == null || t.length() != 1) {
      throw new UsageException(option + " must be one character, got '" + text + "'");
    }
    return t.charAt(0);
  }

  /** The files of {@code dir} matching {@code glob}, without hidden ones, sorted. */
  private static List<Path> matching(Path dir, String glob) {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--input " + dir + " is not a directory");
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
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
    } catch (IOException e) {
      throw new UsageException("--input " + dir + " cannot be listed: " + e.getMessage(), e);
    }
    return files;
  }

  private Schema inferSchema(Definition d) throws IOException, SQLException {
    Map<String, String> o = d.sourceOptions();
    if ("jdbc".equals(o.get("kind"))) {
      Properties p = new Properties();
      if (o.containsKey("property.user")) {
        p.setProperty("user", o.get("property.user"));
      }
      if (d.password != null) {
        p.setProperty("password", d.password);
      }
      return JobSchemas.fromQuery(o.get("url"), p, o.get("query"));
    }
    Path dir = Path.of(o.get("directory"));
    String g = o.getOrDefault("glob", FileSource.DEFAULT_GLOB);
    List<Path> files = matching(dir, g);
    if (files.isEmpty()) {
      throw new UsageException("no files match --glob '" + g + "' under " + dir + " to infer the schema from;"
          + " pass --schema, or run again when files have arrived");
    }
    FileSource.Format f = SourceDefinitions.format(d.source, o.getOrDefault("format", "csv"));
    if (f == FileSource.Format.PARQUET) {
      return JobSchemas.fromParquet(files.get(0));
    }
    CsvOptions csv = usage(() -> SourceDefinitions.csvOptions(d.source, o), "CSV options");
    return JobSchemas.infer(files, f == FileSource.Format.JSON_LINES, csv, sampleRows);
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
