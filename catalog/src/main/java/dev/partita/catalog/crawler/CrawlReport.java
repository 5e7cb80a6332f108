package dev.partita.catalog.crawler;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one crawl did.
 *
 * @param path the crawled path
 * @param startedAt when it started
 * @param duration how long it took
 * @param tables one entry per table found, sorted by location
 */
public record CrawlReport(Path path, Instant startedAt, Duration duration, List<TableCrawl> tables) {

  /** Copies the list. */
  public CrawlReport {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    tables = List.copyOf(tables);
  }

  /** Footers read over all tables. */
  public int footersRead() {
    return tables.stream().mapToInt(TableCrawl::footersRead).sum();
  }
}
