package dev.partita.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.CatalogOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code partita ingest}, {@code partita bookmarks} and {@code partita runs} over arriving files and a JDBC table. */
class JobCommandsTest {
  @TempDir Path tmp;

  /** seattle-weather.csv's data lines by month, with the header. */
  private static Map<String, List<String>> months(List<String> lines) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String l : lines.subList(1, lines.size())) {
      if (!l.isBlank()) {
        out.computeIfAbsent(l.substring(0, 7), k -> new ArrayList<>()).add(l);
      }
    }
    return out;
  }

  private static List<String> query(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i > 1 ? "|" : "").append(r.getString(i));
        }
        out.add(sb.toString());
      }
    }
    Collections.sort(out);
    return out;
  }

  @Test
  void ingestArrivingFilesThenShowRewindAndListRuns() throws Exception {
    List<String> lines = Files.readAllLines(Cli.dataset("seattle-weather.csv"), StandardCharsets.UTF_8);
    Map<String, List<String>> months = months(lines);
    List<String> names = new ArrayList<>(months.keySet());
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Path root = tmp.resolve("tables/weather");
    String catalog = CatalogOptions.sqliteUrl(tmp.resolve("catalog.db"));
    int[][] batches = {{0, 2}, {2, 5}};
    List<String> delivered = new ArrayList<>();
    for (int b = 0; b < batches.length; b++) {
      for (int m = batches[b][0]; m < batches[b][1]; m++) {
        Files.write(landing.resolve("weather-" + names.get(m) + ".csv"),
            (lines.get(0) + "\n" + String.join("\n", months.get(names.get(m))) + "\n").getBytes(StandardCharsets.UTF_8));
        delivered.addAll(months.get(names.get(m)));
      }
      if (b == 1) {
        Cli.Result plan = Cli.run("ingest", "--job", "weather", "--input", landing, "--glob", "*.csv", "--table",
            "weather.daily", "--dry-run", "--catalog", catalog);
        assertThat(plan.exit()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("Dry run of job weather: 3 input(s) to read")
            .contains("READ_NEW          weather-2012-03.csv").doesNotContain("weather-2012-01.csv");
      }
      Cli.Result r = b == 0
          ? Cli.run("ingest", "--job", "weather", "--input", landing, "--glob", "*.csv", "--table", "weather.daily",
              "--output", root, "--partition-by", "year(date)", "--content-hash", "--catalog", catalog)
          : Cli.run("ingest", "--job", "weather", "--input", landing, "--glob", "*.csv", "--table", "weather.daily",
              "--content-hash", "--catalog", catalog);
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.out()).contains("Run " + (b + 1) + " of job weather: SUCCEEDED. "
          + (batches[b][1] - batches[b][0]) + " inputs read");
    }
    List<String> expected = new ArrayList<>();
    for (String l : delivered) {
      expected.add(l.replace(',', '|'));
    }
    Collections.sort(expected);
    String read = "SELECT date, precipitation, temp_max, temp_min, wind, weather FROM read_parquet('" + root
        + "/date_year=*/*.parquet', hive_partitioning = true)";
    assertThat(query(read)).isEqualTo(expected);

    Cli.Result show = Cli.run("bookmarks", "show", "weather", "--catalog", catalog);
    assertThat(show.exit()).as(show.toString()).isZero();
    assertThat(show.out()).contains("Bookmark of job weather (table weather.daily): last advanced by run 2")
        .contains("file input weather-2012-01.csv").contains("run 2  sha256 ");
    assertThat(show.out().lines().filter(l -> l.startsWith("  file ")).count()).isEqualTo(5);

    Cli.Result runs = Cli.run("runs", "weather", "--catalog", catalog);
    assertThat(runs.out().lines().filter(l -> l.startsWith("weather ")).toList()).hasSize(2)
        .allMatch(l -> l.contains("SUCCEEDED"));
    Cli.Result detail = Cli.run("runs", "weather", "--run", "1", "--catalog", catalog);
    assertThat(detail.out()).contains("Run 1 of job weather: SUCCEEDED")
        .contains("input:      input weather-2012-01.csv (31 rows").contains("partition:  date_year=2012");
    Cli.Result asJson = Cli.run("runs", "--json", "--catalog", catalog);
    assertThat(asJson.out().lines().toList()).hasSize(2).allMatch(l -> l.startsWith("{\"job\":\"weather\""));

    Cli.Result rewind = Cli.run("bookmarks", "rewind", "weather", "--to-run", "1", "--catalog", catalog);
    assertThat(rewind.out()).contains("3 entries of later runs removed");
    Cli.Result again = Cli.run("ingest", "--job", "weather", "--input", landing, "--glob", "*.csv", "--table",
        "weather.daily", "--json", "--catalog", catalog);
    assertThat(again.out()).contains("\"run\":3").contains("\"inputs_read\":3");

    assertThat(Cli.run("bookmarks", "pause", "weather", "--reason", "maintenance", "--catalog", catalog).out())
        .contains("Paused job weather");
    assertThat(Cli.run("ingest", "--job", "weather", "--input", landing, "--table", "weather.daily", "--catalog",
        catalog).out()).contains("SKIPPED").contains("maintenance");
    assertThat(Cli.run("bookmarks", "resume", "weather", "--catalog", catalog).out()).contains("Resumed job weather");
    assertThat(Cli.run("bookmarks", "reset", "weather", "--catalog", catalog).out()).contains("5 entries removed");
  }

  @Test
  void ingestAJdbcTableByKey() throws Exception {
    String source = CatalogOptions.sqliteUrl(tmp.resolve("source.db"));
    String catalog = CatalogOptions.sqliteUrl(tmp.resolve("catalog.db"));
    try (Connection c = DriverManager.getConnection(source)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, region TEXT, amount REAL)");
      }
      insert(c, 1, 500);
      Cli.Result r1 = Cli.run("ingest", "--job", "orders", "--jdbc", source, "--source-table", "orders",
          "--bookmark-keys", "id", "--table", "shop.orders", "--output", tmp.resolve("orders"), "--partition-by",
          "region", "--catalog", catalog);
      assertThat(r1.exit()).as(r1.toString()).isZero();
      assertThat(r1.out()).contains("500 rows in, 500 out");
      insert(c, 501, 620);
      Cli.Result r2 = Cli.run("ingest", "--job", "orders", "--jdbc", source, "--source-table", "orders",
          "--bookmark-keys", "id", "--table", "shop.orders", "--catalog", catalog);
      assertThat(r2.out()).contains("120 rows in, 120 out");
      assertThat(Cli.run("bookmarks", "show", "orders", "--catalog", catalog).out())
          .contains("keys jdbc [id] > [620]  (620 rows at or below)  run 2");
    }
    assertThat(query("SELECT count(*), count(DISTINCT id), sum(id), round(sum(amount), 2) FROM read_parquet('"
        + tmp.resolve("orders") + "/region=*/*.parquet', hive_partitioning = true)"))
        .containsExactly("620|620|192510|" + String.format(java.util.Locale.ROOT, "%.1f", 620 * 621 / 2 * 1.5));
  }

  private static void insert(Connection c, int from, int to) throws Exception {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
      for (int i = from; i <= to; i++) {
        p.setInt(1, i);
        p.setString(2, i % 3 == 0 ? "eu" : "us");
        p.setDouble(3, i * 1.5);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @Test
  void usageErrors() {
    Cli.Result none = Cli.run("ingest", "--job", "x", "--table", "t");
    assertThat(none.exit()).isEqualTo(Partita.EXIT_USAGE);
    assertThat(none.err()).contains("give one source: --input DIR (files) or --jdbc URL");
    Cli.Result keys = Cli.run("ingest", "--job", "x", "--table", "t", "--jdbc", "jdbc:sqlite:x.db", "--query",
        "SELECT 1");
    assertThat(keys.err()).contains("--jdbc needs --bookmark-keys");
  }
}
