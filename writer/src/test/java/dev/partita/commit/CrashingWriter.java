package dev.partita.commit;

import dev.partita.partition.PartitionSpec;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.table.Table;
import dev.partita.testing.LinesFormat;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteMode;
import dev.partita.write.WriteOptions;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child process of {@link CrashTest}: writes rows {@code from..to} and stops dead (sleeps until killed) at
 * a chosen point: {@code WRITING} (half the rows written, files open) or after the n-th occurrence of a
 * {@link CommitStep}. Prints {@code AT <point>} when it gets there.
 */
public final class CrashingWriter {
  static final Schema SCHEMA = Schema.builder().required("id", DataType.int64()).required("day", DataType.date())
      .required("batch", DataType.string()).build();
  static final PartitionSpec SPEC = PartitionSpec.builder(SCHEMA).year("day").month("day").build();

  private CrashingWriter() {}

  /** Options of the writes in the crash test; {@code threads} write and publish the files. */
  static WriteOptions options(WriteMode mode, CommitListener listener, int threads) {
    return WriteOptions.builder(SCHEMA, new LinesFormat(1024, 0)).partitionBy(SPEC).mode(mode)
        .maxRowsPerFile(300).commitListener(listener).parallelism(threads).build();
  }

  /** Writes rows {@code from} (inclusive) to {@code to} (exclusive) of batch {@code batch}. */
  static void write(PartitionedWriter w, String batch, int from, int to, Runnable atHalf) {
    ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
    for (int i = from; i < to; i++) {
      if (i == (from + to) / 2) {
        atHalf.run();
      }
      w.write(row.wrap(new Object[] {(long) i, (i % 900) * 3, batch}));
    }
  }

  /** Arguments: table root, point, occurrence, mode, batch, from, to, threads. */
  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    String point = args[1];
    int occurrence = Integer.parseInt(args[2]);
    WriteMode mode = WriteMode.valueOf(args[3]);
    AtomicInteger seen = new AtomicInteger();
    CommitListener listener = (step, path) -> {
      if (step.name().equals(point) && seen.incrementAndGet() == occurrence) {
        hang(point);
      }
    };
    try (PartitionedWriter w = Table.open(root).newWriter(options(mode, listener, Integer.parseInt(args[7])))) {
      write(w, args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]), () -> {
        if (point.equals("WRITING")) {
          hang(point);
        }
      });
      w.commit();
    }
    System.out.println("DONE");
    System.out.flush();
  }

  private static void hang(String point) {
    System.out.println("AT " + point);
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
