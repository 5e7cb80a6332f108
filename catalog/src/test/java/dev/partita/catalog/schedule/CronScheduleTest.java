package dev.partita.catalog.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.TableId;
import dev.partita.catalog.crawler.CrawlReport;
import dev.partita.catalog.crawler.Crawler;
import dev.partita.catalog.crawler.CrawlerOptions;
import dev.partita.testing.Datasets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cron schedules in AWS and Unix form, checked against calendar facts, and a scheduled crawl. */
class CronScheduleTest {
  @TempDir Path tmp;

  static ZonedDateTime utc(String iso) {
    return ZonedDateTime.parse(iso + "Z").withZoneSameInstant(ZoneOffset.UTC);
  }

  static List<ZonedDateTime> runs(String expression, String from, int n) {
    return CronSchedule.parse(expression).nextRuns(utc(from), n);
  }

  @Test
  void awsExpressionsFollowGluesRules() {
    // Every day at 12:00 UTC.
    assertThat(runs("cron(0 12 * * ? *)", "2024-03-01T10:00:00", 3)).containsExactly(
        utc("2024-03-01T12:00:00"), utc("2024-03-02T12:00:00"), utc("2024-03-03T12:00:00"));
    // 2024-03-01 is a Friday: the next weekday runs are Monday and Tuesday.
    assertThat(runs("cron(15 10 ? * MON-FRI *)", "2024-03-01T11:00:00", 2)).containsExactly(
        utc("2024-03-04T10:15:00"), utc("2024-03-05T10:15:00"));
    // Last day of the month, leap February included.
    assertThat(runs("cron(0 18 L * ? *)", "2024-02-01T00:00:00", 2)).containsExactly(
        utc("2024-02-29T18:00:00"), utc("2024-03-31T18:00:00"));
    // Third Friday (AWS counts 1 = Sunday, so 6 = Friday): 2024-03-15.
    assertThat(runs("cron(0 8 ? * 6#3 *)", "2024-03-01T00:00:00", 1)).containsExactly(utc("2024-03-15T08:00:00"));
    assertThat(runs("cron(0/15 * * * ? *)", "2024-03-01T10:07:00", 3)).containsExactly(
        utc("2024-03-01T10:15:00"), utc("2024-03-01T10:30:00"), utc("2024-03-01T10:45:00"));
    // A schedule limited to one year ends.
    assertThat(runs("cron(0 0 1 1 ? 2025)", "2024-06-01T00:00:00", 3)).containsExactly(utc("2025-01-01T00:00:00"));
    // Evaluated in another zone: noon in Paris is 11:00 UTC in winter, 10:00 UTC in summer.
    CronSchedule paris = CronSchedule.parse("cron(0 12 * * ? *)", ZoneId.of("Europe/Paris"));
    assertThat(paris.nextRuns(utc("2024-03-30T00:00:00"), 2)).extracting(ZonedDateTime::toInstant).containsExactly(
        Instant.parse("2024-03-30T11:00:00Z"), Instant.parse("2024-03-31T10:00:00Z"));
    assertThat(CronSchedule.parse("cron(0 12 * * ? *)").describe()).contains("12");
  }

  @Test
  void unixExpressions() {
    // 0 = Sunday; 2024-03-03 is a Sunday.
    assertThat(runs("30 2 * * 0", "2024-03-01T00:00:00", 2)).containsExactly(utc("2024-03-03T02:30:00"),
        utc("2024-03-10T02:30:00"));
    assertThat(runs("0 */6 * * *", "2024-03-01T01:00:00", 2)).containsExactly(utc("2024-03-01T06:00:00"),
        utc("2024-03-01T12:00:00"));
  }

  @Test
  void invalidExpressionsAreExplained() {
    assertThatThrownBy(() -> CronSchedule.parse("cron(0 12 * * * *)")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be ?");
    assertThatThrownBy(() -> CronSchedule.parse("cron(0 12 * * ?)")).hasMessageContaining("has 5 fields");
    assertThatThrownBy(() -> CronSchedule.parse("cron(61 12 * * ? *)")).hasMessageContaining("invalid schedule");
    assertThatThrownBy(() -> CronSchedule.parse("0 12 * *")).hasMessageContaining("has 4 fields");
    assertThatThrownBy(() -> CronSchedule.parse("cron(0 12 * * ? *)").nextRuns(utc("2024-01-01T00:00:00"), -1))
        .hasMessageContaining("count");
  }

  @Test
  @SuppressWarnings("try") // closed explicitly inside the block to check close() and nextRun() afterwards
  void scheduledCrawlRunsAtTheNextMinute() throws Exception {
    BlockingQueue<CrawlReport> reports = new ArrayBlockingQueue<>(4);
    BlockingQueue<RuntimeException> errors = new ArrayBlockingQueue<>(4);
    try (Catalog catalog = Catalogs.openSqlite(tmp.resolve("c.db"))) {
      // A clock set just before a minute boundary: the every-minute schedule fires within two seconds.
      Instant now = Instant.now();
      Instant target = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).minusMillis(2000);
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(now, target));
      Crawler crawler = Crawler.create(catalog, CrawlerOptions.defaults(), clock);
      ZonedDateTime expectedRun = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      try (ScheduledCrawler s = ScheduledCrawler.start(crawler, Datasets.file("flights-3m.parquet"),
          CronSchedule.parse("cron(* * * * ? *)"), clock, reports::add, errors::add)) {
        assertThat(s.nextRun()).contains(expectedRun);
        CrawlReport r = reports.poll(30, TimeUnit.SECONDS);
        assertThat(errors).isEmpty();
        assertThat(r).isNotNull();
        assertThat(r.startedAt()).isAfterOrEqualTo(expectedRun.toInstant());
        assertThat(catalog.tables().find(TableId.of("flights_3m"))).isPresent();
        // The next run is planned a minute later.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (s.nextRun().orElseThrow().equals(expectedRun) && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertThat(s.nextRun()).contains(expectedRun.plusMinutes(1));
        s.close();
        assertThat(s.nextRun()).isEmpty();
      }
    }
  }
}
