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
 * <root> <killAt>} or {@code parquet <catalogUrl> <landing> <root> <killAt>}; {@code killAt} is a step number or a
 * step name.
 */
public final class CrashChild {
  static final TableId FILES_TABLE = TableId.of("crash", "files");
  static final TableId JDBC_TABLE = TableId.of("crash", "jdbc");
  static final TableId PARQUET_TABLE = TableId.of("crash", "parquet");

  private CrashChild() {}

  static IngestJob job(String mode, String input, Path root) {
    return switch (mode) {
      case "files" -> Weather.job("crash-files", FILES_TABLE, Path.of(input), root);
      case "parquet" -> Weather.parquetJob("crash-parquet", PARQUET_TABLE, Path.of(input), root);
      default -> Airports.job("crash-jdbc", JDBC_TABLE, input, root, b -> b);
    };
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    // A number kills at that step; a step name at the first step of that name.
    int killAt = args[4].chars().allMatch(Character::isDigit) ? Integer.parseInt(args[4]) : -1;
    String killAtName = killAt < 0 ? args[4] : null;
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
        if (n == killAt || name.equals(killAtName)) {
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
