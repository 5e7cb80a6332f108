package dev.partita.cli.run;

import dev.partita.cli.convert.ParsedRow;
import dev.partita.cli.convert.PartitionArgument;
import dev.partita.cli.convert.RowConverter;
import dev.partita.cli.convert.SchemaArgument;
import dev.partita.cli.convert.TypeInference;
import dev.partita.cli.input.BadRecordException;
import dev.partita.cli.input.ByteMeter;
import dev.partita.cli.input.InputException;
import dev.partita.cli.input.InputFile;
import dev.partita.cli.input.InputFiles;
import dev.partita.commit.CommitHook;
import dev.partita.commit.CommitResult;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormats;
import dev.partita.format.text.read.TextRecord;
import dev.partita.format.text.read.ValueException;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.InvalidRowException;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.storage.Storage;
import dev.partita.table.Table;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs one {@code partita write}: checks the options, resolves the inputs, infers the schema from a sample (a
 * first pass over the beginning of the input) unless one is given, then streams every record through type
 * conversion into a {@link PartitionedWriter} and commits. Any failure aborts the write, so nothing of it is
 * visible, and removes the table directory again when this write created it.
 *
 * <p>Errors: {@link UsageException} for option problems (exit 2); {@link InputException},
 * {@link BadRecordException} and other {@link dev.partita.PartitaException}s for the input and the write
 * (exit 1).
 */
public final class WriteJob {
  private final WriteSettings settings;
  private final PrintWriter err;
  private final boolean showProgress;
  private final Function<Storage, CommitHook> hook;

  /**
   * A job for {@code settings}.
   *
   * @param err where progress goes
   * @param showProgress whether to print progress (when stderr is a terminal)
   */
  public WriteJob(WriteSettings settings, PrintWriter err, boolean showProgress) {
    this(settings, err, showProgress, storage -> CommitHook.NONE);
  }

  /**
   * A job whose table runs a commit hook (a catalog registering the write) made for the table's storage; the
   * hook also runs for commits that recovery completes when the table is opened.
   */
  public WriteJob(WriteSettings settings, PrintWriter err, boolean showProgress,
      Function<Storage, CommitHook> hook) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.err = Objects.requireNonNull(err, "err");
    this.showProgress = showProgress;
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  /**
   * Runs the write.
   *
   * @return what was committed
   */
  public WriteSummary run() throws IOException {
    long t0 = System.nanoTime();
    FileFormat format = usage(this::format);
    Path out = settings.output().toAbsolutePath().normalize();
    checkBadRecordsPath(out);
    List<InputFile> files = InputFiles.resolve(settings.inputs(), settings.inputFormat());
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new InputException("--output " + settings.output() + " exists and is not a directory; give a"
          + " directory (it is created when missing)");
    }
    ByteMeter meter = new ByteMeter();
    try (Progress progress = showProgress ? new Progress(err, meter) : null) {
      boolean inferred = settings.schema().isEmpty();
      Schema schema = inferred ? infer(files, meter) : usage(() -> SchemaArgument.parse(settings.schema().get()));
      PartitionSpec spec = settings.partitionBy()
          .map(p -> usage(() -> PartitionArgument.parse(p, schema, settings.timeZone())))
          .orElseGet(() -> PartitionSpec.unpartitioned(schema));
      WriteOptions options = usage(() -> WriteOptions.builder(schema, format)
          .partitionBy(spec)
          .mode(settings.mode())
          .targetFileSize(settings.targetFileSize())
          .maxRowsPerFile(settings.maxRowsPerFile())
          .maxOpenFiles(settings.maxOpenFiles())
          .memoryBudget(settings.memory())
          .parallelism(settings.threads())
          .build());
      if (spec.dataSchema().size() == 0) {
        throw new UsageException("--partition-by uses every column as a partition value, so data files would"
            + " have no columns; leave at least one column out of --partition-by");
      }
      boolean existed = Files.exists(out);
      PartitionedWriter writer = null;
      try (BadRecordLog log = settings.badRecords().log().isPresent()
          ? new BadRecordLog(settings.badRecords().log().get()) : null) {
        Storage storage = settings.sync() ? LocalStorage.instance() : LocalStorage.withoutSync();
        Table table = Table.open(storage, out.toString(), hook.apply(storage));
        writer = table.newWriter(options);
        if (progress != null) {
          progress.watch(writer);
        }
        long bad = write(files, schema, writer, meter, log);
        long partitions = writer.metrics().partitions();
        long earlyCloses = writer.metrics().evictions();
        CommitResult result = writer.commit();
        long bytesIn = files.stream().mapToLong(InputFile::size).sum();
        return new WriteSummary(out, result.writeId(), format.name(), settings.effectiveCodec(), schema, inferred,
            files.size(), partitions, result.files().size(), earlyCloses, result.totalRows(), bad, settings.badRecords().log(),
            bytesIn, result.totalBytes(), System.nanoTime() - t0, settings.threads(), settings.threads());
      } catch (IOException | RuntimeException | Error e) {
        if (writer != null) {
          try {
            writer.close();
          } catch (RuntimeException a) {
            e.addSuppressed(a);
          }
        }
        if (!existed) {
          removeCreatedTable(out, e, hook.apply(LocalStorage.instance()));
        }
        throw e;
      }
    }
  }

  private FileFormat format() {
    Map<String, String> opts = new LinkedHashMap<>(settings.formatOptions());
    opts.put("codec", settings.effectiveCodec());
    settings.level().ifPresent(l -> opts.put("level", Integer.toString(l)));
    try {
      return FileFormats.byName(settings.format(), opts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format " + settings.format() + " with --codec "
          + settings.effectiveCodec() + settings.level().map(l -> " --level " + l).orElse("") + ": "
          + e.getMessage(), e);
    }
  }

  private void checkBadRecordsPath(Path out) {
    var log = settings.badRecords().log();
    if (log.isPresent()) {
      Path p = log.get().toAbsolutePath().normalize();
      if (p.startsWith(out)) {
        throw new UsageException("--bad-records " + log.get() + " is inside the --output table " + out
            + "; readers would take it for data, write it elsewhere");
      }
      if (Files.isDirectory(p)) {
        throw new UsageException("--bad-records " + log.get() + " is a directory; give a file path");
      }
    }
  }

  /** The schema inferred from the first {@code sampleRows} records. */
  private Schema infer(List<InputFile> files, ByteMeter meter) throws IOException {
    List<String> names = new ArrayList<>();
    TypeInference inference = new TypeInference(settings.csv().nullValue());
    long left = settings.sampleRows();
    for (InputFile f : files) {
      if (left == 0) {
        break;
      }
      try (SourceFile src = SourceFile.open(f, settings.csv(), meter, names, true, settings.normalizeNames())) {
        while (left > 0 && src.next()) {
          TextRecord r = src.reader().record();
          int[] map = src.mapping();
          if (!r.hasProblem()) {
            inference.observe(r, map);
          }
          left--;
        }
      }
    }
    if (names.isEmpty()) {
      throw new InputException("no columns found in the input " + settings.inputs() + "; pass --schema");
    }
    try {
      return inference.schema(names);
    } catch (IllegalArgumentException e) {
      throw new InputException("the input's column names do not make a schema: " + e.getMessage(), e);
    }
  }

  /** Streams every record into {@code writer}; returns the number of bad records dropped. */
  private long write(List<InputFile> files, Schema schema, PartitionedWriter writer, ByteMeter meter,
      BadRecordLog log) throws IOException {
    List<String> columns = new ArrayList<>(schema.size());
    schema.columns().forEach(c -> columns.add(c.name()));
    RowConverter converter = new RowConverter(schema, settings.timeZone(), settings.csv().nullValue());
    ParsedRow row = new ParsedRow(schema);
    long bad = 0;
    for (InputFile f : files) {
      try (SourceFile src = SourceFile.open(f, settings.csv(), meter, columns, false, settings.normalizeNames())) {
        while (src.next()) {
          BadRecordException problem = convertAndWrite(src, converter, row, writer, columns);
          if (problem != null) {
            if (!settings.badRecords().keepGoing()) {
              throw problem;
            }
            bad++;
            if (log != null) {
              log.write(problem);
            }
          }
        }
      }
    }
    return bad;
  }

  private BadRecordException convertAndWrite(SourceFile src, RowConverter converter, ParsedRow row,
      PartitionedWriter writer, List<String> columns) {
    TextRecord r = src.reader().record();
    if (r.hasProblem()) {
      int f = r.problemField();
      return bad(src, f, f > 0 ? src.fieldName(f - 1) : "", r.problem());
    }
    int[] map = src.mapping();
    for (int f = 0; f < r.fieldCount() && f < map.length; f++) {
      if (map[f] < 0 && r.kind(f) != TextRecord.FieldKind.NULL) {
        return bad(src, f + 1, src.fieldName(f), "key '" + src.fieldName(f) + "' is not a column of the table "
            + columns + "; pass --schema naming it, or a larger --sample-rows if the schema was inferred");
      }
    }
    try {
      converter.convert(r, map, row);
    } catch (ValueException e) {
      int col = e.column();
      return bad(src, fieldOf(map, col) + 1, col >= 0 ? columns.get(col) : "", e.getMessage());
    }
    try {
      writer.write(row);
    } catch (InvalidRowException e) {
      int col = columns.indexOf(e.column());
      String msg = e.getMessage();
      int cut = msg.indexOf("': ");
      String reason = cut >= 0 ? msg.substring(cut + 3) : msg;
      return col < 0 ? bad(src, 0, "", reason) : bad(src, fieldOf(map, col) + 1, e.column(), reason);
    }
    return null;
  }

  private static int fieldOf(int[] map, int column) {
    for (int f = 0; f < map.length; f++) {
      if (map[f] == column) {
        return f;
      }
    }
    return -1;
  }

  private static BadRecordException bad(SourceFile src, int field, String name, String reason) {
    TextRecord r = src.reader().record();
    return new BadRecordException(src.file().name(), r.line(), Math.max(field, 0), name, reason,
        src.reader().rawText());
  }

  /** Deletes the table directory this write created, unless somebody else's data files appeared in it. */
  private static void removeCreatedTable(Path out, Throwable failure, CommitHook hook) {
    if (!Files.isDirectory(out)) {
      return;
    }
    try {
      if (!Table.open(LocalStorage.instance(), out.toString(), hook).dataFiles().isEmpty()) {
        return;
      }
      try (Stream<Path> s = Files.walk(out)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | UncheckedIOException | dev.partita.PartitaException e) {
      failure.addSuppressed(e);
    }
  }

  private static <T> T usage(Supplier<T> s) {
    try {
      return s.get();
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
