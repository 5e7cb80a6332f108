package dev.partita.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code partita write --table}, {@code partita crawl} and {@code partita catalog ...} end to end. */
class CatalogCommandsTest {
  @TempDir Path tmp;

  @Test
  void writeRegistersAndCatalogCommandsShowIt() throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve("catalog.db");
    Path out = tmp.resolve("airports");
    Cli.Result w = Cli.run("write", "-i", Cli.dataset("airports.csv"), "-o", out, "--partition-by", "state",
        "--table", "geo.airports", "--catalog", url);
    assertThat(w.exit()).as(w.toString()).isZero();
    assertThat(w.out()).contains("Registered in catalog table geo.airports");

    Cli.Result tables = Cli.run("catalog", "tables", "--catalog", url);
    assertThat(tables.out().lines().toList()).as(tables.toString()).containsExactly("geo.airports");

    Cli.Result describe = Cli.run("catalog", "describe", "geo.airports", "--catalog", url);
    assertThat(describe.exit()).as(describe.toString()).isZero();
    assertThat(describe.out()).contains("location:   " + out.toAbsolutePath().normalize())
        .contains("partitions: state:string").contains("3,376 rows").contains("schema v1");

    Cli.Result partitions = Cli.run("catalog", "partitions", "geo.airports", "--catalog", url);
    List<String> lines = partitions.out().lines().toList();
    // One line per state folder on disk.
    try (var s = java.nio.file.Files.list(out)) {
      assertThat(lines).hasSize((int) s.filter(p -> p.getFileName().toString().startsWith("state=")).count());
    }
    assertThat(lines.stream().mapToLong(l -> Long.parseLong(l.split("\t")[3].replace(" rows", ""))).sum())
        .isEqualTo(3376);

    Cli.Result ddl = Cli.run("catalog", "ddl", "geo.airports", "--dialect", "duckdb", "--view", "airports",
        "--catalog", url);
    assertThat(ddl.exit()).as(ddl.toString()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute(ddl.out());
      try (ResultSet r = st.executeQuery("SELECT count(*), count(DISTINCT state) FROM airports")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(3376);
        assertThat(r.getLong(2)).isEqualTo(lines.size() - (partitions.out().contains("__HIVE_DEFAULT") ? 1 : 0));
      }
    }
    Cli.Result hive = Cli.run("catalog", "ddl", "geo.airports", "--catalog", url);
    assertThat(hive.out()).startsWith("CREATE EXTERNAL TABLE IF NOT EXISTS `geo`.`airports`")
        .contains("PARTITIONED BY (`state` STRING)");

    assertThat(Cli.run("catalog", "describe", "geo.nope", "--catalog", url).exit()).isEqualTo(Partita.EXIT_USAGE);
    assertThat(Cli.run("write", "-i", Cli.dataset("airports.csv"), "-o", tmp.resolve("x"), "--catalog", url)
        .exit()).isEqualTo(Partita.EXIT_USAGE);
  }

  @Test
  void crawlOnceAndShowASchedule() {
    String url = "jdbc:sqlite:" + tmp.resolve("catalog.db");
    Cli.Result crawl = Cli.run("crawl", Cli.dataset("flights-3m.parquet"), "--catalog", url, "--namespace", "raw");
    assertThat(crawl.exit()).as(crawl.toString()).isZero();
    assertThat(crawl.out()).contains("created raw.flights_3m").contains("1 footer(s) read");
    Cli.Result describe = Cli.run("catalog", "describe", "raw.flights_3m", "--catalog", url);
    assertThat(describe.out()).contains("3,000,000 rows").contains("format:     parquet");

    Cli.Result schedule = Cli.run("crawl", Cli.dataset("flights-3m.parquet"), "--catalog", url,
        "--schedule", "cron(0 12 * * ? *)", "--show-schedule", "3");
    assertThat(schedule.exit()).as(schedule.toString()).isZero();
    List<String> runs = schedule.out().lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
    assertThat(runs).hasSize(3);
    ZonedDateTime first = ZonedDateTime.parse(runs.get(0));
    assertThat(first.getHour()).isEqualTo(12);
    assertThat(first.getMinute()).isZero();
    assertThat(ZonedDateTime.parse(runs.get(1))).isEqualTo(first.plusDays(1));
    assertThat(Cli.run("crawl", Cli.dataset("flights-3m.parquet"), "--schedule", "cron(0 12 * * * *)",
        "--show-schedule").exit()).isEqualTo(Partita.EXIT_USAGE);
    assertThat(Cli.run("crawl", tmp.resolve("missing"), "--catalog", url).exit()).isEqualTo(Partita.EXIT_USAGE);
  }
}
