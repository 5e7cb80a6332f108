package dev.partita.cli.jobs;

import dev.partita.catalog.Catalog;
import dev.partita.cli.Partita;
import dev.partita.cli.catalog.CatalogUrl;
import dev.partita.jobs.Bookmark;
import dev.partita.jobs.Bookmarks;
import dev.partita.jobs.FileMark;
import dev.partita.jobs.JobDefinition;
import dev.partita.jobs.Jobs;
import dev.partita.jobs.KeyMark;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita bookmarks show|reset|rewind|pause|resume NAME}: a job's bookmark. */
@Command(name = "bookmarks", mixinStandardHelpOptions = true,
    description = "Shows or moves a job's bookmark: what its runs have processed.",
    subcommands = {BookmarksCommand.Show.class, BookmarksCommand.Reset.class, BookmarksCommand.Rewind.class,
        BookmarksCommand.Pause.class, BookmarksCommand.Resume.class},
    footer = {"", "Exit codes: 0 success, 1 no such job or a run holds the lease, 2 usage error."})
public final class BookmarksCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Creates the command; picocli instantiates it. */
  public BookmarksCommand() {}

  /** Without a subcommand: usage. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("partita bookmarks: give a subcommand: show, reset, rewind, pause or resume");
    spec.commandLine().usage(err);
    err.flush();
    return Partita.EXIT_USAGE;
  }

  /** The parts every subcommand has. */
  abstract static class Sub implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogUrl catalog;

    @Parameters(index = "0", paramLabel = "NAME", description = "The job's name.")
    String job;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Catalog c = catalog.open()) {
        run(c, Jobs.bookmarks(c), out);
      }
      out.flush();
      return Partita.EXIT_OK;
    }

    void run(Catalog c, Bookmarks bookmarks, PrintWriter out) {
      run(bookmarks, out);
    }

    abstract void run(Bookmarks bookmarks, PrintWriter out);
  }

  /** {@code partita bookmarks show NAME}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"The files and JDBC key positions the job's registered runs processed, then the job's stored"
          + " definition (the source options 'partita ingest --job NAME' runs) and its earlier versions."})
  static final class Show extends Sub {
    @Override
    void run(Catalog c, Bookmarks bookmarks, PrintWriter out) {
      run(bookmarks, out);
      List<JobDefinition> versions = Jobs.definitions(c).versions(job);
      if (versions.isEmpty()) {
        out.println("Definition: none stored (the job last ran before definitions were stored; its next run with"
            + " its options stores one)");
        return;
      }
      JobDefinition d = versions.get(0);
      out.println("Definition version " + d.version() + " (stored " + d.storedAt() + ", runs from " + d.sinceRun()
          + " on):");
      d.options().forEach((k, v) -> out.println("  " + k + " = " + v));
      for (JobDefinition older : versions.subList(1, versions.size())) {
        out.println("  (version " + older.version() + ", stored " + older.storedAt() + ", ran runs "
            + older.sinceRun() + " to " + (versions.get(versions.indexOf(older) - 1).sinceRun() - 1) + ")");
      }
    }

    @Override
    void run(Bookmarks bookmarks, PrintWriter out) {
      Bookmark b = bookmarks.show(job);
      out.println("Bookmark of job " + b.job() + " (table " + b.table() + "): "
          + (b.lastRun() == 0 ? "empty" : "last advanced by run " + b.lastRun())
          + b.pausedAt().map(p -> "; PAUSED since " + p + b.pauseReason().map(r -> " (" + r + ")").orElse(""))
              .orElse(""));
      for (FileMark f : b.files()) {
        out.printf(Locale.ROOT, "  file %s %s  %,d bytes  modified %s  run %d%s%n", f.source(), f.path(), f.size(),
            f.modifiedAt(), f.run(), f.contentHash().map(h -> "  sha256 " + h).orElse(""));
      }
      for (KeyMark k : b.keys()) {
        out.printf(Locale.ROOT, "  keys %s %s > %s  (%,d rows at or below)  run %d%n", k.source(), k.columns(),
            k.values(), k.rowsCovered(), k.run());
      }
    }
  }

  /** {@code partita bookmarks reset NAME}. */
  @Command(name = "reset", mixinStandardHelpOptions = true,
      description = "Forgets everything the job processed: its next run reads every input again (rows already in"
          + " the table stay).")
  static final class Reset extends Sub {
    @Override
    void run(Bookmarks bookmarks, PrintWriter out) {
      int n = bookmarks.reset(job);
      out.println("Reset the bookmark of job " + job + ": " + n + " entries removed; the next run reads every input"
          + " again (rows already in the table stay)");
    }
  }

  /** {@code partita bookmarks rewind NAME --to-run N}. */
  @Command(name = "rewind", mixinStandardHelpOptions = true,
      description = "Returns the bookmark to where it stood after run N: the next run reads again what later runs"
          + " read (their rows stay in the table).")
  static final class Rewind extends Sub {
    @Option(names = "--to-run", required = true, paramLabel = "N", description = "The run to return to.")
    long run;

    @Override
    void run(Bookmarks bookmarks, PrintWriter out) {
      int n = bookmarks.rewind(job, run);
      out.println("Rewound the bookmark of job " + job + " to run " + run + ": " + n + " entries of later runs"
          + " removed");
    }
  }

  /** {@code partita bookmarks pause NAME}. */
  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Pauses the job: its runs read and write nothing until resumed.")
  static final class Pause extends Sub {
    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "paused from the command line",
        description = "Why, shown by runs and 'bookmarks show'.")
    String reason;

    @Override
    void run(Bookmarks bookmarks, PrintWriter out) {
      out.println(bookmarks.pause(job, reason) ? "Paused job " + job : "Job " + job + " was already paused");
    }
  }

  /** {@code partita bookmarks resume NAME}. */
  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Lets a paused job run again.")
  static final class Resume extends Sub {
    @Override
    void run(Bookmarks bookmarks, PrintWriter out) {
      out.println(bookmarks.resume(job) ? "Resumed job " + job : "Job " + job + " was not paused");
    }
  }
}
