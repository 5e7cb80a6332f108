package dev.partita.cli.catalog;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogPartition;
import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.SchemaVersion;
import dev.partita.catalog.TableId;
import dev.partita.catalog.ddl.TableDdl;
import dev.partita.cli.Partita;
import dev.partita.cli.run.UsageException;
import dev.partita.format.ColumnStats;
import dev.partita.schema.Column;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita catalog tables|describe|partitions|ddl}: what the catalog holds. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "Shows what the catalog holds: its tables, a table's definition and schema history, its"
        + " partitions, and DDL to use it from Hive, Athena, Trino or DuckDB.",
    subcommands = {CatalogCommand.TablesCommand.class, CatalogCommand.DescribeCommand.class,
        CatalogCommand.PartitionsCommand.class, CatalogCommand.DdlCommand.class},
    footer = {"", "Exit codes: 0 success, 1 catalog error, 2 usage error."})
public final class CatalogCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Creates the command; picocli instantiates it. */
  public CatalogCommand() {}

  /** Without a subcommand: usage. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("partita catalog: give a subcommand: tables, describe, partitions or ddl");
    spec.commandLine().usage(err);
    err.flush();
    return Partita.EXIT_USAGE;
  }

  static TableCatalogTable load(Catalog c, String name) {
    TableId id = TableId.parse(name);
    CatalogTable t = c.tables().find(id).orElseThrow(() -> new UsageException("no table " + id + " in catalog "
        + c.describe() + "; list them with 'partita catalog tables'"));
    return new TableCatalogTable(id, t);
  }

  /** A table and its id. */
  record TableCatalogTable(TableId id, CatalogTable table) {}

  /** {@code partita catalog tables [NAMESPACE]}. */
  @Command(name = "tables", mixinStandardHelpOptions = true, description = "Lists the tables, as namespace.name.")
  static final class TablesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogUrl catalog;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAMESPACE", description = "Only this namespace.")
    String namespace;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Catalog c = catalog.open()) {
        List<String> namespaces = namespace != null ? List.of(namespace) : c.namespaces().list();
        for (String ns : namespaces) {
          for (TableId id : c.tables().list(ns)) {
            out.println(id);
          }
        }
      }
      out.flush();
      return Partita.EXIT_OK;
    }
  }

  /** {@code partita catalog describe TABLE}. */
  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "A table's location, format, columns, partition columns, properties, totals and schema history.")
  static final class DescribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogUrl catalog;

    @Parameters(index = "0", paramLabel = "TABLE", description = "namespace.name, or name in namespace default.")
    String table;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Catalog c = catalog.open()) {
        TableCatalogTable t = load(c, table);
        CatalogTable ct = t.table();
        List<CatalogPartition> parts = c.partitions().list(t.id(), PartitionFilter.all());
        out.println("Table " + t.id());
        out.println("  location:   " + ct.location());
        out.println("  format:     " + ct.definition().format());
        out.println("  columns:    " + ct.schema().columns().stream().map(Column::toString)
            .collect(Collectors.joining(", ")));
        out.println("  partitions: " + ct.definition().partitionColumns().stream().map(PartitionColumn::toString)
            .collect(Collectors.joining(", ")));
        long active = parts.stream().filter(p -> p.state() == dev.partita.catalog.PartitionState.ACTIVE).count();
        out.printf(Locale.ROOT, "  totals:     %,d partitions (%,d deprecated), %,d files, %,d rows, %,d bytes%n",
            parts.size(), parts.size() - active, parts.stream().mapToLong(CatalogPartition::files).sum(),
            parts.stream().mapToLong(CatalogPartition::rows).sum(),
            parts.stream().mapToLong(CatalogPartition::bytes).sum());
        for (Map.Entry<String, String> p : ct.definition().properties().entrySet()) {
          out.println("  property:   " + p.getKey() + " = " + p.getValue());
        }
        out.println("  created:    " + ct.createdAt() + ", updated " + ct.updatedAt());
        for (SchemaVersion v : c.tables().schemaHistory(t.id())) {
          out.println("  schema v" + v.version() + " (" + v.createdAt() + ", " + v.note() + "): "
              + v.schema().columns().stream().map(Column::toString).collect(Collectors.joining(", ")));
        }
      }
      out.flush();
      return Partita.EXIT_OK;
    }
  }

  /** {@code partita catalog partitions TABLE}. */
  @Command(name = "partitions", mixinStandardHelpOptions = true,
      description = "One line per partition: path, state, files, rows, bytes, and with --stats its column"
          + " statistics.")
  static final class PartitionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogUrl catalog;

    @Parameters(index = "0", paramLabel = "TABLE", description = "namespace.name, or name in namespace default.")
    String table;

    @Option(names = "--stats", description = "Also print each partition's column statistics.")
    boolean stats;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Catalog c = catalog.open()) {
        TableCatalogTable t = load(c, table);
        for (CatalogPartition p : c.partitions().list(t.id(), PartitionFilter.all())) {
          out.printf(Locale.ROOT, "%s\t%s\t%d files\t%d rows\t%d bytes%n", p.path().isEmpty() ? "(root)" : p.path(),
              p.state().name().toLowerCase(Locale.ROOT), p.files(), p.rows(), p.bytes());
          if (stats) {
            for (ColumnStats s : p.columns()) {
              out.println("  " + s.column() + ": " + s.valueCount() + " values, " + s.nullCount() + " nulls"
                  + s.min().map(v -> ", min " + show(v)).orElse("") + s.max().map(v -> ", max " + show(v))
                      .orElse(""));
            }
          }
        }
      }
      out.flush();
      return Partita.EXIT_OK;
    }

    private static String show(Object v) {
      return v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v);
    }
  }

  /** {@code partita catalog ddl TABLE}. */
  @Command(name = "ddl", mixinStandardHelpOptions = true,
      description = "Statements that make the table usable elsewhere: hive (Hive, Athena: CREATE EXTERNAL TABLE"
          + " and ALTER TABLE ADD PARTITION), trino (Hive connector), duckdb (a view over read_parquet of the"
          + " catalog's files).")
  static final class DdlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogUrl catalog;

    @Parameters(index = "0", paramLabel = "TABLE", description = "namespace.name, or name in namespace default.")
    String table;

    @Option(names = "--dialect", paramLabel = "hive|trino|duckdb", defaultValue = "hive",
        description = "Default: ${DEFAULT-VALUE}.")
    String dialect;

    @Option(names = "--trino-catalog", paramLabel = "NAME", defaultValue = "hive",
        description = "Trino catalog of the Hive connector. Default: ${DEFAULT-VALUE}.")
    String trinoCatalog;

    @Option(names = "--view", paramLabel = "NAME", description = "DuckDB view name. Default: the table name.")
    String view;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Catalog c = catalog.open()) {
        TableCatalogTable t = load(c, table);
        String sql = switch (dialect.toLowerCase(Locale.ROOT)) {
          case "hive", "athena" -> TableDdl.hive(t.table(), c.partitions().list(t.id(), PartitionFilter.all()));
          case "trino" -> TableDdl.trino(t.table(), c.partitions().list(t.id(), PartitionFilter.all()),
              trinoCatalog);
          case "duckdb" -> {
            try {
              yield TableDdl.duckDbView(t.table(), c.partitions().files(t.id(), PartitionFilter.all()),
                  view != null ? view : t.id().name());
            } catch (IllegalArgumentException e) {
              throw new UsageException(e.getMessage(), e);
            }
          }
          default -> throw new UsageException("--dialect must be hive, trino or duckdb, got '" + dialect + "'");
        };
        out.print(sql);
      }
      out.flush();
      return Partita.EXIT_OK;
    }
  }
}
