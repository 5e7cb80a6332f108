package dev.partita.catalog.schedule;

import dev.partita.catalog.crawler.CrawlReport;
import dev.partita.catalog.crawler.Crawler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a {@link Crawler} over a path at the times of a {@link CronSchedule}, on one daemon thread, until closed.
 * Runs never overlap: the next run is planned when the previous one ends. A failed run is reported to the error
 * handler and the schedule continues. {@link #close()} is idempotent and waits for a running crawl to finish.
 */
public final class ScheduledCrawler implements AutoCloseable {
  private final Crawler crawler;
  private final Path path;
  private final CronSchedule schedule;
  private final Clock clock;
  private final Consumer<CrawlReport> onReport;
  private final Consumer<RuntimeException> onError;
  private final ScheduledExecutorService executor;
  private ScheduledFuture<?> pending;
  private ZonedDateTime nextRun;
  private boolean closed;

  private ScheduledCrawler(Crawler crawler, Path path, CronSchedule schedule, Clock clock,
      Consumer<CrawlReport> onReport, Consumer<RuntimeException> onError) {
    this.crawler = crawler;
    this.path = path;
    this.schedule = schedule;
    this.clock = clock;
    this.onReport = onReport;
    this.onError = onError;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "partita-crawler " + schedule.expression());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts crawling {@code path} at every time of {@code schedule}.
   *
   * @param onReport receives each run's report (on the crawler's thread)
   * @param onError receives each run's failure
   */
  public static ScheduledCrawler start(Crawler crawler, Path path, CronSchedule schedule, Clock clock,
      Consumer<CrawlReport> onReport, Consumer<RuntimeException> onError) {
    ScheduledCrawler s = new ScheduledCrawler(Objects.requireNonNull(crawler, "crawler"),
        Objects.requireNonNull(path, "path"), Objects.requireNonNull(schedule, "schedule"),
        Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(onReport, "onReport"),
        Objects.requireNonNull(onError, "onError"));
    s.planNext();
    return s;
  }

  /** When the next run starts; empty when the schedule has ended or the crawler is closed. */
  public synchronized Optional<ZonedDateTime> nextRun() {
    return Optional.ofNullable(closed ? null : nextRun);
  }

  private synchronized void planNext() {
    if (closed) {
      return;
    }
    ZonedDateTime now = ZonedDateTime.now(clock);
    Optional<ZonedDateTime> next = schedule.next(now);
    nextRun = next.orElse(null);
    if (next.isEmpty()) {
      return;
    }
    waitFor(now, next.get());
  }

  private void waitFor(ZonedDateTime now, ZonedDateTime at) {
    // Rounded up: the executor's timer and the injected clock may disagree by a fraction of a millisecond.
    long delay = Math.max(0, (Duration.between(now, at).toNanos() + 999_999) / 1_000_000);
    pending = executor.schedule(this::runOnce, delay, TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    synchronized (this) {
      ZonedDateTime now = ZonedDateTime.now(clock);
      if (!closed && nextRun != null && now.isBefore(nextRun)) {
        waitFor(now, nextRun); // woke early by the clock's measure: never run before the planned time
        return;
      }
    }
    try {
      onReport.accept(crawler.crawl(path));
    } catch (RuntimeException e) {
      onError.accept(e);
    } finally {
      planNext();
    }
  }

  /** Cancels future runs and waits for a running one to end. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (pending != null) {
        pending.cancel(false);
      }
    }
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.HOURS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
