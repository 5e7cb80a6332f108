package dev.partita.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.partita.DataSize;
import dev.partita.cli.input.InputFormat;
import dev.partita.cli.run.BadRecordPolicy;
import dev.partita.cli.run.Sizes;
import dev.partita.cli.run.UsageException;
import dev.partita.cli.run.WriteJob;
import dev.partita.cli.run.WriteSettings;
import dev.partita.cli.run.WriteSummary;
import dev.partita.format.text.read.Compression;
import dev.partita.format.text.read.CsvOptions;
import dev.partita.schema.Column;
import dev.partita.write.WriteMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code partita write}: reads CSV or JSON files and writes them as one commit into a partitioned table. */
@Command(name = "write", mixinStandardHelpOptions = true, versionProvider = Partita.Version.class,
    sortOptions = false, usageHelpWidth = 110,
    description = {"Reads CSV or JSON files (plain, .gz or .zst) and writes their rows into a Hive-style"
        + " partitioned table as one atomic commit: nothing is visible unless everything was written."},
    footer = {"", "Example:", "  partita write --input airports.csv --output /tmp/airports --partition-by state", "",
        "Exit codes: 0 success, 1 bad input or failed write (nothing committed), 2 usage error."})
public final class WriteCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-i", "--input"}, arity = "1..*", required = true, paramLabel = "PATH",
      description = "Input files or directories (every file below, sorted; names starting with . or _ skipped).")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "The table directory.")
  Path output;

  @Option(names = "--input-format", paramLabel = "csv|json",
      description = "Input format; default from each file's extension (.csv .tsv .txt / .json .jsonl .ndjson).")
  String inputFormat;

  @Option(names = "--delimiter", paramLabel = "CHAR", converter = Converters.OneChar.class,
      description = "CSV field delimiter (\\t for tab); default ',' (tab for .tsv files).")
  Character delimiter;

  @Option(names = "--quote", paramLabel = "CHAR", converter = Converters.OneChar.class, defaultValue = "\"",
      description = "CSV quote character; default \".")
  char quote;

  @Option(names = "--no-header", description = "CSV files have no header line (columns column1, column2, ..."
      + " or as in --schema).")
  boolean noHeader;

  @Option(names = "--null-value", paramLabel = "TEXT", defaultValue = "",
      description = "Unquoted CSV text that means null; default: the empty field. An empty value is null in every"
          + " non-string column.")
  String nullValue;

  @Option(names = "--schema", paramLabel = "'name:type,...'",
      description = "Column types instead of inference: boolean, int32, int64, float, double, decimal(p,s), string,"
          + " binary, date, time, timestamp, timestamptz; append 'not null' to reject nulls.")
  String schema;

  @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "10000",
      description = "Records read to infer the schema; default ${DEFAULT-VALUE}.")
  int sampleRows;

  @Option(names = "--normalize-names", description = "Turn column names into snake_case ('Cost Total $' ->"
      + " cost_total); --schema and --partition-by then use the new names.")
  boolean normalizeNames;

  @Option(names = "--partition-by", paramLabel = "'SPEC,...'",
      description = "Partition fields: a column, year(col), month(col), day(col), hour(col), date(col),"
          + " bucket(N,col), truncate(W,col), optionally named: y=year(ts).")
  String partitionBy;

  @Option(names = "--time-zone", paramLabel = "ZONE", converter = Converters.Zone.class, defaultValue = "UTC",
      description = "Zone of year/month/day/hour/date of timestamptz columns, and of timestamptz input without an"
          + " offset; default UTC.")
  ZoneId timeZone;

  @Option(names = "--format", paramLabel = "parquet|orc|csv|json", defaultValue = "parquet",
      description = "Output format; default ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--codec", paramLabel = "NAME",
      description = "none, snappy, zstd, gzip, lz4_raw (Parquet), zlib, lz4 (ORC); CSV/JSON take none, gzip, zstd."
          + " Default snappy (Parquet, ORC), none (CSV, JSON).")
  String codec;

  @Option(names = "--level", paramLabel = "N", description = "Codec level (zstd 1-22, gzip 1-9).")
  Integer level;

  @Option(names = {"-O", "--format-option"}, paramLabel = "KEY=VALUE",
      description = "Further output format option, repeatable (e.g. row-group-size=64MB, stripe-size=64MB).")
  Map<String, String> formatOptions = new LinkedHashMap<>();

  @Option(names = "--mode", paramLabel = "MODE", converter = Converters.Mode.class, defaultValue = "error",
      description = "error (fail if the table has data), append, overwrite, overwrite-partitions;"
          + " default error.")
  WriteMode mode;

  @Option(names = "--target-file-size", paramLabel = "SIZE", converter = Converters.Size.class,
      defaultValue = "128MB", description = "Roll to a new file at this size; default ${DEFAULT-VALUE}.")
  DataSize targetFileSize;

  @Option(names = "--max-rows-per-file", paramLabel = "N", description = "Roll to a new file at this many rows.")
  Long maxRowsPerFile;

  @Option(names = "--max-open-files", paramLabel = "N",
      defaultValue = "" + dev.partita.write.WriteOptions.DEFAULT_MAX_OPEN_FILES,
      description = "Most files open at once; default ${DEFAULT-VALUE}.")
  int maxOpenFiles;

  @Option(names = "--memory", paramLabel = "SIZE", converter = Converters.Size.class, defaultValue = "256MB",
      description = "Memory budget of the open files' buffers; default ${DEFAULT-VALUE}.")
  DataSize memory;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Writer threads encoding and compressing partitions in parallel (1..256), under one --memory"
          + " budget.")
  int threads;

  @Option(names = "--bad-records", paramLabel = "fail|skip|PATH", defaultValue = "fail",
      description = "A record that does not parse or fit the schema: fail (stop, commit nothing; default), skip"
          + " (drop and count), or PATH (drop, and write it with its reason to PATH as JSON Lines).")
  String badRecords;

  @Option(names = "--no-sync", description = "Do not force files to disk (fsync) before the commit completes:"
      + " faster with many partitions; a commit then survives a crash of this process but not of the machine.")
  boolean noSync;

  @Option(names = {"-q", "--quiet"}, description = "No progress and no summary (errors still go to stderr).")
  boolean quiet;

  @Option(names = "--json", description = "Print the summary as one JSON object on stdout.")
  boolean json;

  @Option(names = "--table", paramLabel = "NAME",
      description = "Register the write in this catalog table (namespace.name), created on the first write; a"
          + " crash between the commit and the registration is repaired when the table is next written.")
  String table;

  @picocli.CommandLine.Mixin
  dev.partita.cli.catalog.CatalogUrl catalog;

  /** Creates the command; picocli instantiates it. */
  public WriteCommand() {}

  @Override
  public Integer call() throws IOException {
    WriteSettings settings = settings();
    boolean progress = !quiet && System.console() != null;
    WriteSummary s;
    if (table == null && catalog.given()) {
      throw new UsageException("--catalog needs --table: name the catalog table the write registers in");
    }
    if (table == null) {
      s = new WriteJob(settings, spec.commandLine().getErr(), progress).run();
    } else {
      dev.partita.catalog.TableId id;
      try {
        id = dev.partita.catalog.TableId.parse(table);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--table: " + e.getMessage(), e);
      }
      try (dev.partita.catalog.Catalog c = catalog.open()) {
        s = new WriteJob(settings, spec.commandLine().getErr(), progress,
            storage -> dev.partita.catalog.commit.CatalogCommitHook.of(c, id, storage)).run();
        if (!quiet && !json) {
          spec.commandLine().getOut().println("Registered in catalog table " + id + " (" + c.describe() + ")");
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      printJson(s, out);
    } else if (!quiet) {
      printText(s, out);
    }
    out.flush();
    return Partita.EXIT_OK;
  }

  private WriteSettings settings() {
    char delim = delimiter != null ? delimiter : allTsv() ? '\t' : ',';
    CsvOptions csv;
    try {
      csv = CsvOptions.builder().delimiter(delim).quote(quote).header(!noHeader).nullValue(nullValue).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    WriteSettings.Builder b = WriteSettings.builder(inputs, output)
        .csv(csv)
        .schema(schema)
        .sampleRows(sampleRows)
        .normalizeNames(normalizeNames)
        .partitionBy(partitionBy)
        .timeZone(timeZone == null ? ZoneOffset.UTC : timeZone)
        .format(format)
        .codec(codec)
        .level(level)
        .formatOptions(formatOptions)
        .mode(mode)
        .targetFileSize(targetFileSize)
        .maxOpenFiles(maxOpenFiles)
        .memory(memory)
        .threads(threads)
        .badRecords(BadRecordPolicy.parse(badRecords))
        .sync(!noSync);
    if (inputFormat != null) {
      try {
        b.inputFormat(InputFormat.parse(inputFormat));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }
    if (maxRowsPerFile != null) {
      b.maxRowsPerFile(maxRowsPerFile);
    }
    return b.build();
  }

  private boolean allTsv() {
    return inputs != null && !inputs.isEmpty() && inputs.stream().allMatch(p -> p.getFileName() != null
        && Compression.stripSuffix(p.getFileName().toString()).toLowerCase(Locale.ROOT).endsWith(".tsv"));
  }

  private static void printText(WriteSummary s, PrintWriter out) {
    out.printf(Locale.ROOT, "Wrote %,d rows to %s (%s, %s): %,d partitions, %,d files, %s in, %s out, %.2f s,"
            + " %,.0f rows/s%n", s.rows(), s.output(), s.format(), s.codec(), s.partitions(), s.files(),
        Sizes.human(s.bytesIn()), Sizes.human(s.bytesOut()), s.seconds(), s.rowsPerSecond());
    if (s.earlyCloses() > 0) {
      out.printf(Locale.ROOT, "%,d files were closed early because more partitions were active than"
          + " --max-open-files or --memory allow; input sorted by the partition columns, or a higher limit,"
          + " makes fewer and larger files%n", s.earlyCloses());
    }
    if (s.badRows() > 0) {
      out.printf(Locale.ROOT, "%,d bad records skipped%s%n", s.badRows(),
          s.badRecordsFile().map(p -> ", written to " + p).orElse(""));
    }
    out.println("Schema" + (s.inferred() ? " (inferred)" : "") + ": " + s.schema().columns().stream()
        .map(c -> c.name() + ":" + c.type()).collect(Collectors.joining(", ")));
    if (s.threads() > 1) {
      out.printf(Locale.ROOT, "Threads: %d writer threads%n", s.threads());
    }
  }

  private static void printJson(WriteSummary s, PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.writeStartObject();
    g.writeStringField("output", s.output().toString());
    g.writeStringField("write_id", s.writeId());
    g.writeStringField("format", s.format());
    g.writeStringField("codec", s.codec());
    g.writeArrayFieldStart("schema");
    for (Column c : s.schema().columns()) {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      g.writeStringField("type", c.type().toString());
      g.writeBooleanField("nullable", c.nullable());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("schema_inferred", s.inferred());
    g.writeNumberField("input_files", s.inputFiles());
    g.writeNumberField("partitions", s.partitions());
    g.writeNumberField("files", s.files());
    g.writeNumberField("early_closed_files", s.earlyCloses());
    g.writeNumberField("rows", s.rows());
    g.writeNumberField("bad_rows", s.badRows());
    if (s.badRecordsFile().isPresent()) {
      g.writeStringField("bad_records_file", s.badRecordsFile().get().toString());
    }
    g.writeNumberField("bytes_in", s.bytesIn());
    g.writeNumberField("bytes_out", s.bytesOut());
    g.writeNumberField("seconds", Math.round(s.seconds() * 1000) / 1000.0);
    g.writeNumberField("rows_per_second", Math.round(s.rowsPerSecond()));
    g.writeNumberField("threads", s.threads());
    g.writeNumberField("requested_threads", s.requestedThreads());
    g.writeEndObject();
    g.flush();
    out.println();
  }
}
