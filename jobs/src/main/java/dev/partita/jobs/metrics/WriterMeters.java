package dev.partita.jobs.metrics;

import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriterMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToLongFunction;

/**
 * Publishes the {@link WriterMetrics} of a sequence of partitioned writers (one at a time, such as the runs of one
 * job) as Micrometer meters: counters that keep growing across writers, and gauges of the current writer. Meters
 * are read from the writers' live counters when the registry polls, so writing rows costs nothing extra.
 *
 * <p>Create one per registry and tag set and keep it: Micrometer binds a meter to the first object registered
 * under its name and tags. Thread-safe.
 */
public final class WriterMeters {
  /** Counter: rows accepted by the writers. */
  public static final String ROWS = "partita.writer.rows";
  /** Counter: rows the writers rejected as invalid. */
  public static final String ROWS_REJECTED = "partita.writer.rows.rejected";
  /** Counter: files completed. */
  public static final String FILES = "partita.writer.files";
  /** Counter: bytes of completed files. */
  public static final String BYTES = "partita.writer.bytes";
  /** Counter: early flushes asked by the memory budget. */
  public static final String FLUSHES = "partita.writer.flushes";
  /** Counter: files closed early (open-file limit or memory budget). */
  public static final String EVICTIONS = "partita.writer.evictions";
  /** Gauge: files open now in the current writer. */
  public static final String OPEN_FILES = "partita.writer.files.open";
  /** Gauge: bytes buffered now by the current writer's open files. */
  public static final String BUFFERED_BYTES = "partita.writer.buffered.bytes";
  /** Gauge: distinct partitions the current (or last) writer has seen. */
  public static final String PARTITIONS = "partita.writer.partitions";

  private static final int N = 6;
  private final AtomicLongArray done = new AtomicLongArray(N);
  private volatile PartitionedWriter current;
  private volatile WriterMetrics last = new WriterMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Registers the meters in {@code registry} with {@code tags}. */
  public WriterMeters(MeterRegistry registry, Iterable<Tag> tags) {
    Objects.requireNonNull(registry, "registry");
    Tags t = Tags.of(Objects.requireNonNull(tags, "tags"));
    counter(registry, t, ROWS, "rows accepted by Partita writers", 0, WriterMetrics::rows);
    counter(registry, t, ROWS_REJECTED, "rows Partita writers rejected", 1, WriterMetrics::rejectedRows);
    counter(registry, t, FILES, "data files completed", 2, WriterMetrics::files);
    counter(registry, t, BYTES, "bytes of completed data files", 3, WriterMetrics::bytes);
    counter(registry, t, FLUSHES, "early flushes for the memory budget", 4, WriterMetrics::flushes);
    counter(registry, t, EVICTIONS, "files closed early", 5, WriterMetrics::evictions);
    Gauge.builder(OPEN_FILES, this, m -> m.live().openFiles()).tags(t).description("files open now")
        .baseUnit("files").register(registry);
    Gauge.builder(BUFFERED_BYTES, this, m -> m.live().bufferedBytes()).tags(t)
        .description("bytes buffered by open files").baseUnit("bytes").register(registry);
    Gauge.builder(PARTITIONS, this, m -> m.live().partitions()).tags(t)
        .description("distinct partitions seen by the current writer").register(registry);
  }

  private void counter(MeterRegistry registry, Tags tags, String name, String description, int slot,
      ToLongFunction<WriterMetrics> read) {
    FunctionCounter.builder(name, this, m -> m.done.get(slot) + read.applyAsLong(m.running()))
        .tags(tags).description(description).register(registry);
  }

  /** Starts publishing {@code writer}'s counters (the previous writer must be untracked). */
  public void track(PartitionedWriter writer) {
    Objects.requireNonNull(writer, "writer");
    if (current != null) {
      throw new IllegalStateException("a writer is already tracked; untrack it first");
    }
    current = writer;
  }

  /** Folds the tracked writer's final counts into the totals and stops reading it. Does nothing when none. */
  public synchronized void untrack() {
    PartitionedWriter w = current;
    if (w == null) {
      return;
    }
    WriterMetrics m = w.metrics();
    done.addAndGet(0, m.rows());
    done.addAndGet(1, m.rejectedRows());
    done.addAndGet(2, m.files());
    done.addAndGet(3, m.bytes());
    done.addAndGet(4, m.flushes());
    done.addAndGet(5, m.evictions());
    last = new WriterMetrics(0, 0, 0, 0, 0, 0, 0, 0, m.partitions());
    current = null;
  }

  /** The tracked writer's counters, zero when none. */
  private synchronized WriterMetrics running() {
    PartitionedWriter w = current;
    return w == null ? new WriterMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0) : w.metrics();
  }

  private WriterMetrics live() {
    PartitionedWriter w = current;
    return w == null ? last : w.metrics();
  }
}
