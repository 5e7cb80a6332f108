package dev.partita.cli;

import dev.partita.cli.run.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code partita} command: {@code write} turns CSV and JSON files into a partitioned table, {@code inspect}
 * describes a table directory. Exit codes: {@value #EXIT_OK} success, {@value #EXIT_FAILED} bad input or failed
 * write (nothing committed), {@value #EXIT_USAGE} usage error.
 */
@Command(name = "partita", mixinStandardHelpOptions = true, versionProvider = Partita.Version.class,
    subcommands = {WriteCommand.class, InspectCommand.class, dev.partita.cli.catalog.CrawlCommand.class,
        dev.partita.cli.catalog.CatalogCommand.class, dev.partita.cli.jobs.IngestCommand.class,
        dev.partita.cli.jobs.BookmarksCommand.class, dev.partita.cli.jobs.RunsCommand.class,
        CommandLine.HelpCommand.class},
    description = "Writes CSV and JSON files as Hive-style partitioned Parquet, ORC, CSV or JSON tables, and"
        + " describes such tables.",
    footer = {"", "Exit codes: 0 success, 1 bad input or failed write (nothing committed), 2 usage error."})
public final class Partita implements java.util.concurrent.Callable<Integer> {
  /** Exit code of a successful run. */
  public static final int EXIT_OK = 0;
  /** Exit code of bad input or a failed write; nothing was committed. */
  public static final int EXIT_FAILED = 1;
  /** Exit code of a usage error: unknown option, bad option value, options that do not fit the input. */
  public static final int EXIT_USAGE = 2;

  @Spec
  CommandSpec spec;

  /** Creates the command; picocli instantiates it. */
  public Partita() {}

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line: exit codes mapped, errors printed as one line naming the problem. Tests call
   * {@code commandLine().setOut(..).setErr(..).execute(args)}.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Partita());
    cl.setExecutionExceptionHandler(Partita::handle);
    // "--input a.csv --typo" is an unknown option, not a second input file.
    cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof UsageException) {
      err.println("partita " + cl.getCommandName() + ": " + e.getMessage());
      err.println("Try 'partita " + cl.getCommandName() + " --help' for the options.");
      err.flush();
      return EXIT_USAGE;
    }
    String msg = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    if (e instanceof IOException) {
      msg = "I/O error: " + msg;
    } else if (!(e instanceof dev.partita.PartitaException)) {
      msg = e.getClass().getSimpleName() + ": " + msg;
    }
    err.println("partita " + cl.getCommandName() + ": error: " + msg);
    if (System.getenv("PARTITA_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return EXIT_FAILED;
  }

  /** Without a command: prints the usage to stderr; a usage error. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("partita: give a command: write, inspect, crawl, catalog, ingest, bookmarks or runs");
    spec.commandLine().usage(err);
    err.flush();
    return EXIT_USAGE;
  }

  /** The version from the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Partita.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"partita " + p.getProperty("version", "unknown"), "Java " + System.getProperty(
          "java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
  }
}
