package dev.partita.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.crawler.ScannedFile;
import dev.partita.catalog.crawler.ScannedTable;
import dev.partita.catalog.crawler.TableScanner;
import dev.partita.cli.input.InputException;
import dev.partita.cli.run.Sizes;
import dev.partita.schema.Column;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code partita inspect DIR}: what a table directory (or a single Parquet or ORC file) holds, from the catalog's
 * {@link TableScanner}: footers and folder names only.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Partita.Version.class,
    description = {"Describes a Parquet or ORC table directory written by any tool (Partita, Spark, DuckDB,"
        + " pyarrow, Polars), or a single file: schema merged from the file footers, partition columns and their"
        + " types inferred from the name=value folders, partitions, files, rows, bytes, codecs and writers."},
    footer = {"", "Exit codes: 0 success, 1 missing directory or no readable data file, 2 usage error."})
public final class InspectCommand implements Callable<Integer> {
  private static final int MAX_WARNINGS = 10;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The table directory, or one data file.")
  Path dir;

  @Option(names = "--json", description = "Print the report as one JSON object on stdout.")
  boolean json;

  /** Creates the command; picocli instantiates it. */
  public InspectCommand() {}

  @Override
  public Integer call() throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.exists(root)) {
      throw new InputException("table directory " + dir + " does not exist");
    }
    ScannedTable t = TableScanner.scan(root);
    if (t.files().isEmpty() && !t.warnings().isEmpty()) {
      throw new InputException(dir + " holds no readable Parquet or ORC file: " + String.join("; ",
          t.warnings().subList(0, Math.min(MAX_WARNINGS, t.warnings().size())))
          + (t.warnings().size() > MAX_WARNINGS ? "; ..." : ""));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      printJson(t, out);
    } else {
      printText(t, out);
    }
    out.flush();
    return Partita.EXIT_OK;
  }

  private static Map<String, Integer> writers(ScannedTable t) {
    Map<String, Integer> out = new TreeMap<>();
    for (ScannedFile f : t.files()) {
      if (!f.createdBy().isEmpty()) {
        out.merge(f.createdBy(), 1, Integer::sum);
      }
    }
    return out;
  }

  private static String columns(List<Column> cols) {
    return cols.stream().map(c -> c.name() + ":" + c.type()).collect(Collectors.joining(", "));
  }

  private static String partitionColumns(List<PartitionColumn> cols) {
    return cols.stream().map(c -> c.name() + ":" + c.type()).collect(Collectors.joining(", "));
  }

  private static void printText(ScannedTable t, PrintWriter out) {
    out.println((t.isSingleFile() ? "File " : "Table ") + t.root());
    out.printf(Locale.ROOT, "  format:     %s%n", t.format());
    out.printf(Locale.ROOT, "  files:      %,d%n", t.files().size());
    out.printf(Locale.ROOT, "  rows:       %,d%n", t.rows());
    out.printf(Locale.ROOT, "  bytes:      %s (%,d)%n", Sizes.human(t.bytes()), t.bytes());
    out.printf(Locale.ROOT, "  partitions: %,d%s%n", t.partitions().size(), t.partitionColumns().isEmpty() ? ""
        : " by " + partitionColumns(t.partitionColumns()));
    out.println("  codecs:     " + String.join(", ", t.codecs()));
    out.println("  schema:     " + columns(t.schema().columns()));
    for (String c : t.schemaConflicts()) {
      out.println("  schema conflict: " + c);
    }
    Map<String, Integer> writers = writers(t);
    if (!writers.isEmpty()) {
      out.println("  written by: " + writers.entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue() + " files)").collect(Collectors.joining("; ")));
    }
    List<String> w = t.warnings();
    for (int i = 0; i < Math.min(MAX_WARNINGS, w.size()); i++) {
      out.println("  skipped:    " + w.get(i));
    }
    if (w.size() > MAX_WARNINGS) {
      out.printf(Locale.ROOT, "  skipped:    ... and %,d more (see --json)%n", w.size() - MAX_WARNINGS);
    }
  }

  private static void printJson(ScannedTable t, PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.writeStartObject();
    g.writeStringField("location", t.root().toString());
    g.writeBooleanField("single_file", t.isSingleFile());
    g.writeStringField("format", t.format());
    g.writeArrayFieldStart("schema");
    for (Column c : t.schema().columns()) {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      g.writeStringField("type", c.type().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("partition_columns");
    for (PartitionColumn c : t.partitionColumns()) {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      g.writeStringField("type", c.type().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("partitions", t.partitions().size());
    g.writeNumberField("files", t.files().size());
    g.writeNumberField("rows", t.rows());
    g.writeNumberField("bytes", t.bytes());
    g.writeArrayFieldStart("codecs");
    for (String c : t.codecs()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("written_by");
    for (Map.Entry<String, Integer> e : writers(t).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("schema_conflicts");
    for (String c : t.schemaConflicts()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("warnings");
    for (String w : t.warnings()) {
      g.writeString(w);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.println();
  }
}
