package dev.partita.cli.jobs;

import dev.partita.catalog.Catalog;
import dev.partita.cli.Partita;
import dev.partita.cli.catalog.CatalogUrl;
import dev.partita.cli.run.UsageException;
import dev.partita.jobs.Jobs;
import dev.partita.jobs.RunHistory;
import dev.partita.jobs.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita runs [NAME] [--run N]}: the run history of jobs. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "Lists job runs, newest first: status, times, inputs, rows in/out/bad/late, files, bytes,"
        + " partitions; with --run, one run in detail with its inputs and messages.",
    footer = {"", "Exit codes: 0 success, 1 catalog error or no such job, 2 usage error."})
public final class RunsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  CatalogUrl catalog;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this job.")
  String job;

  @Option(names = "--run", paramLabel = "N", description = "Show run N of the job in detail.")
  Long run;

  @Option(names = "--json", description = "One JSON object per run, one per line.")
  boolean json;

  /** Creates the command; picocli instantiates it. */
  public RunsCommand() {}

  @Override
  public Integer call() throws IOException {
    if (run != null && job == null) {
      throw new UsageException("--run needs the job's NAME");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Catalog c = catalog.open()) {
      RunHistory history = Jobs.history(c);
      List<RunRecord> runs = new ArrayList<>();
      if (run != null) {
        RunRecord r = history.run(job, run).orElseThrow(() -> new dev.partita.jobs.JobException("job " + job
            + " has no run " + run));
        runs.add(r);
        if (!json) {
          Records.detail(r, history.inputs(job, run), out);
        }
      } else {
        for (String name : job != null ? List.of(job) : history.jobs()) {
          runs.addAll(history.runs(name));
        }
        if (!json) {
          Records.table(runs, out);
        }
      }
      if (json) {
        for (RunRecord r : runs) {
          Records.json(r, out);
        }
      }
    }
    out.flush();
    return Partita.EXIT_OK;
  }
}
