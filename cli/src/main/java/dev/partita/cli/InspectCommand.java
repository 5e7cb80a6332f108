package dev.partita.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.partita.cli.inspect.FileFooter.ColumnInfo;
import dev.partita.cli.inspect.TableInspector;
import dev.partita.cli.inspect.TableReport;
import dev.partita.cli.run.Sizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita inspect DIR}: what a table directory holds, from its file footers and folder names. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Partita.Version.class,
    description = {"Describes a table directory written by any tool (Partita, Spark, DuckDB, pyarrow): schema from"
        + " the Parquet/ORC footers, partition columns and their inferred types from the name=value folders,"
        + " and the number of partitions, files, rows and bytes, and the codecs."},
    footer = {"", "Exit codes: 0 success, 1 unreadable table, 2 usage error."})
public final class InspectCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The table directory.")
  Path dir;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  /** Creates the command; picocli instantiates it. */
  public InspectCommand() {}

  @Override
  public Integer call() throws IOException {
    TableReport r = TableInspector.inspect(dir.toAbsolutePath().normalize());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      printJson(r, out);
    } else {
      printText(r, out);
    }
    out.flush();
    return Partita.EXIT_OK;
  }

  private static String columns(List<ColumnInfo> cols) {
    return cols.stream().map(ColumnInfo::toString).collect(Collectors.joining(", "));
  }

  private static void printText(TableReport r, PrintWriter out) {
    out.println("Table " + r.location());
    out.printf(Locale.ROOT, "  files:      %,d (%s)%n", r.files(), r.formats().entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    out.printf(Locale.ROOT, "  rows:       %s%n", r.rows().isPresent() ? String.format(Locale.ROOT, "%,d",
        r.rows().getAsLong()) : "unknown (text files without a Partita manifest)");
    out.printf(Locale.ROOT, "  bytes:      %s (%,d)%n", Sizes.human(r.bytes()), r.bytes());
    out.printf(Locale.ROOT, "  partitions: %,d%s%n", r.partitions(), r.partitionColumns().isEmpty() ? ""
        : " by " + columns(r.partitionColumns()));
    out.println("  codecs:     " + String.join(", ", r.codecs()));
    out.println("  schema:     " + (r.schema().isEmpty() ? "(no Parquet or ORC footer)" : columns(r.schema())));
    for (Map.Entry<String, List<ColumnInfo>> v : r.schemaVariants().entrySet()) {
      out.println("  other schema in " + v.getKey() + ": " + columns(v.getValue()));
    }
    if (!r.writers().isEmpty()) {
      out.println("  written by: " + r.writers().entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue() + " files)").collect(Collectors.joining("; ")));
    }
    if (r.commits() > 0) {
      out.println("  Partita commits: " + r.commits());
    }
  }

  private static void printJson(TableReport r, PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.writeStartObject();
    g.writeStringField("location", r.location().toString());
    g.writeObjectFieldStart("formats");
    for (Map.Entry<String, Integer> e : r.formats().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("codecs");
    for (String c : r.codecs()) {
      g.writeString(c);
    }
    g.writeEndArray();
    columns(g, "schema", r.schema());
    columns(g, "partition_columns", r.partitionColumns());
    g.writeObjectFieldStart("schema_variants");
    for (Map.Entry<String, List<ColumnInfo>> v : r.schemaVariants().entrySet()) {
      columns(g, v.getKey(), v.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("partitions", r.partitions());
    g.writeNumberField("files", r.files());
    if (r.rows().isPresent()) {
      g.writeNumberField("rows", r.rows().getAsLong());
    } else {
      g.writeNullField("rows");
    }
    g.writeNumberField("bytes", r.bytes());
    g.writeNumberField("partita_commits", r.commits());
    g.writeObjectFieldStart("written_by");
    for (Map.Entry<String, Integer> e : r.writers().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.flush();
    out.println();
  }

  private static void columns(JsonGenerator g, String field, List<ColumnInfo> cols) throws IOException {
    g.writeArrayFieldStart(field);
    for (ColumnInfo c : cols) {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      g.writeStringField("type", c.type());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
