package dev.partita.jobs;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.TableId;
import dev.partita.commit.CommitStep;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM that runs one job once and reports every step on stdout ({@code STEP <n> <name>}); at step
 * {@code killAt} it prints {@code HALT} and waits to be killed. Exit codes: 0 done, 3 another run holds the lease,
 * 2 failed.
 *
 * <p>Arguments: {@code files <catalogUrl> <landing> <root> <killAt>} or {@code jdbc <catalogUrl> <sourceUrl>
 * <root> <killAt>}.
 */
public final class CrashChild {
  static final TableId FILES_TABLE = TableId.of("crash", "files");
  static final TableId JDBC_TABLE = TableId.of("crash", "jdbc");

  private CrashChild() {}

  static IngestJob job(String mode, String input, Path root) {
    return mode.equals("files")
        ? Weather.job("crash-files", FILES_TABLE, Path.of(input), root)
        : Airports.job("crash-jdbc", JDBC_TABLE, input, root, b -> b);
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    int killAt = Integer.parseInt(args[4]);
    AtomicInteger step = new AtomicInteger();
    JobListener listener = new JobListener() {
      @Override
      public void onStep(JobStep s, String detail) {
        report(s.name());
      }

      @Override
      public void onCommitStep(CommitStep s, String path) {
        report(s.name());
      }

      private void report(String name) {
        int n = step.incrementAndGet();
        out.println("STEP " + n + " " + name);
        if (n == killAt) {
          out.println("HALT");
          out.flush();
          while (true) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              // keep waiting for the kill
            }
          }
        }
      }
    };
    try (Catalog catalog = Catalogs.open(args[1])) {
      RunRecord r = JobRunner.create(catalog, RunnerOptions.builder().listener(listener).build())
          .run(job(args[0], args[2], Path.of(args[3])));
      out.println("DONE " + r.status() + " " + r.run());
      out.flush();
    } catch (JobAlreadyRunningException e) {
      out.println("BUSY " + e.getMessage());
      out.flush();
      System.exit(3);
    } catch (Exception e) {
      e.printStackTrace(out);
      out.flush();
      System.exit(2);
    }
    System.exit(0);
  }
}
