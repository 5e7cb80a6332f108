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

  /** Where a test keeps its catalog: a SQLite file, or a fresh schema of PARTITA_PG_URL's database. */
  enum CatalogDb {
    SQLITE,
    POSTGRESQL;

    /** A new, empty catalog database; close it to remove it. */
    TestCatalog create(Path dir) throws Exception {
      if (this == SQLITE) {
        return new TestCatalog(CatalogOptions.sqliteUrl(dir.resolve("catalog-" + System.nanoTime() + ".db")), null);
      }
      String base = System.getenv("PARTITA_PG_URL");
      if (base == null || base.isBlank()) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          org.junit.jupiter.api.Assertions.fail("PARTITA_PG_URL is not set but CI=true: run .ci/pg-setup");
        }
        org.junit.jupiter.api.Assumptions.abort("PARTITA_PG_URL not set: PostgreSQL tests skipped");
      }
      String schema = "cli_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      try (Connection c = DriverManager.getConnection(base.trim()); Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
      }
      return new TestCatalog(base.trim() + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema,
          () -> {
            try (Connection c = DriverManager.getConnection(base.trim()); Statement st = c.createStatement()) {
              st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
          });
    }
  }

  /** A catalog URL and how to remove its database. */
  record TestCatalog(String url, Runnable0 drop) implements AutoCloseable {
    @Override
    public void close() throws java.sql.SQLException {
      if (drop != null) {
        drop.run();
      }
    }
  }

  /** A cleanup that may throw. */
  interface Runnable0 {
    void run() throws java.sql.SQLException;
  }

  /** Writes months {@code from..to-1} of seattle-weather.csv as {@code weather-yyyy-MM.csv} with ';' delimiters. */
  private static List<String> deliverSemicolons(Path landing, int from, int to) throws Exception {
    List<String> lines = Files.readAllLines(Cli.dataset("seattle-weather.csv"), StandardCharsets.UTF_8);
    Map<String, List<String>> months = months(lines);
    List<String> names = new ArrayList<>(months.keySet());
    List<String> delivered = new ArrayList<>();
    Files.createDirectories(landing);
    for (int m = from; m < to; m++) {
      StringBuilder sb = new StringBuilder(lines.get(0).replace(',', ';')).append('\n');
      for (String l : months.get(names.get(m))) {
        sb.append(l.replace(',', ';')).append('\n');
        delivered.add(l.replace(',', '|'));
      }
      Files.writeString(landing.resolve("weather-" + names.get(m) + ".csv"), sb, StandardCharsets.UTF_8);
    }
    return delivered;
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(CatalogDb.class)
  void laterRunsUseTheStoredDefinitionAndDifferingOptionsNeedRedefine(CatalogDb db) throws Exception {
    Path landing = tmp.resolve("landing");
    Path root = tmp.resolve("tables/weather");
    try (TestCatalog tc = db.create(tmp)) {
      String catalog = tc.url();
      List<String> delivered = new ArrayList<>(deliverSemicolons(landing, 0, 2));
      Cli.Result first = Cli.run("ingest", "--job", "w", "--input", landing, "--glob", "*.csv", "--delimiter", ";",
          "--content-hash", "--table", "weather.daily", "--output", root, "--partition-by", "year(date)",
          "--catalog", catalog);
      assertThat(first.exit()).as(first.toString()).isZero();
      assertThat(first.out()).contains("2 inputs read")
          .contains("Stored the job's definition (version 1): later runs need only 'partita ingest --job w'");

      delivered.addAll(deliverSemicolons(landing, 2, 5));
      Cli.Result dry = Cli.run("ingest", "--job", "w", "--dry-run", "--catalog", catalog);
      assertThat(dry.out()).as(dry.toString()).contains("Dry run of job w: 3 input(s) to read");
      Cli.Result second = Cli.run("ingest", "--job", "w", "--catalog", catalog);
      assertThat(second.exit()).as(second.toString()).isZero();
      assertThat(second.out()).contains("Run 2 of job w: SUCCEEDED. 3 inputs read").doesNotContain("Stored");
      Cli.Result same = Cli.run("ingest", "--job", "w", "--glob", "*.csv", "--delimiter", ";", "--table",
          "weather.daily", "--input", landing, "--catalog", catalog);
      assertThat(same.exit()).as(same.toString()).isZero();
      assertThat(same.out()).contains("nothing new to read");

      Cli.Result differs = Cli.run("ingest", "--job", "w", "--glob", "*.txt", "--null-value", "NA", "--catalog",
          catalog);
      assertThat(differs.exit()).as(differs.toString()).isEqualTo(Partita.EXIT_USAGE);
      assertThat(differs.err()).contains("job 'w' is defined differently: stored definition version 1 (since run 1)")
          .contains("--glob: stored '*.csv', given '*.txt'").contains("--null-value: stored '', given 'NA'")
          .contains("add --redefine to store the given options as version 2");

      List<String> expected = new ArrayList<>();
      delivered.forEach(expected::add);
      Collections.sort(expected);
      String read = "SELECT date, precipitation, temp_max, temp_min, wind, weather FROM read_parquet('" + root
          + "/date_year=*/*.parquet', hive_partitioning = true)";
      assertThat(query(read)).isEqualTo(expected);

      Cli.Result show = Cli.run("bookmarks", "show", "w", "--catalog", catalog);
      assertThat(show.out()).as(show.toString()).contains("Definition version 1 (stored ")
          .contains("  table = weather.daily").contains("  source.input.glob = *.csv")
          .contains("  source.input.delimiter = ;").contains("  source.input.format = csv")
          .contains("  source.input.content-hash = true");

      // Redefine: the files now arrive gzipped; the stored options are kept except the glob.
      Path gz = landing.resolve("weather-2012-06.csv.gz");
      List<String> june = deliverSemicolons(tmp.resolve("staging"), 5, 6);
      try (var in = Files.newInputStream(tmp.resolve("staging/weather-2012-06.csv"));
          var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
        in.transferTo(out);
      }
      Cli.Result redefined = Cli.run("ingest", "--job", "w", "--glob", "*.csv.gz", "--redefine", "--catalog", catalog);
      assertThat(redefined.exit()).as(redefined.toString()).isZero();
      assertThat(redefined.out()).contains("1 inputs read").contains("Stored the job's definition (version 2)");
      expected.addAll(june);
      Collections.sort(expected);
      assertThat(query(read)).isEqualTo(expected);
      Cli.Result show2 = Cli.run("bookmarks", "show", "w", "--catalog", catalog);
      assertThat(show2.out()).contains("Definition version 2").contains("  source.input.glob = *.csv.gz")
          .contains("  source.input.delimiter = ;").contains("(version 1, stored ").contains("ran runs 1 to 3)");
      assertThat(Cli.run("runs", "w", "--catalog", catalog).out().lines().filter(l -> l.startsWith("w ")).count())
          .isEqualTo(4);
    }
  }

  @Test
  void parquetInputByExtensionThenByTheStoredDefinition() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("parquet-landing"));
    Path root = tmp.resolve("tables/pq");
    String catalog = CatalogOptions.sqliteUrl(tmp.resolve("catalog.db"));
    String csv = Cli.dataset("seattle-weather.csv").toString();
    String[] months = {"2012-01", "2012-02", "2013-07"};
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      for (int i = 0; i < 2; i++) {
        st.execute("COPY (SELECT * FROM read_csv('" + csv + "') WHERE strftime(date, '%Y-%m') = '" + months[i]
            + "') TO '" + landing.resolve("w-" + months[i] + ".parquet") + "' (FORMAT parquet, CODEC 'zstd')");
      }
    }
    Cli.Result first = Cli.run("ingest", "--job", "pq", "--input", landing, "--table", "raw.weather", "--output",
        root, "--catalog", catalog);
    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.out()).contains("2 inputs read, 60 rows in, 60 out");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM read_csv('" + csv + "') WHERE strftime(date, '%Y-%m') = '" + months[2]
          + "') TO '" + landing.resolve("w-" + months[2] + ".parquet") + "' (FORMAT parquet, PARQUET_VERSION V2)");
    }
    Cli.Result dry = Cli.run("ingest", "--job", "pq", "--dry-run", "--catalog", catalog);
    assertThat(dry.out()).contains("READ_NEW          w-2013-07.parquet");
    Cli.Result second = Cli.run("ingest", "--job", "pq", "--catalog", catalog);
    assertThat(second.exit()).as(second.toString()).isZero();
    assertThat(second.out()).contains("1 inputs read, 31 rows in, 31 out");
    assertThat(Cli.run("bookmarks", "show", "pq", "--catalog", catalog).out())
        .contains("  source.input.format = parquet").contains("file input w-2013-07.parquet");
    String cols = "date, precipitation, temp_max, temp_min, wind, weather";
    assertThat(query("SELECT " + cols + " FROM read_parquet('" + root + "/*.parquet')")).isEqualTo(
        query("SELECT " + cols + " FROM read_parquet('" + landing + "/*.parquet')"));

    // --input-format names the format whatever the files are called.
    Path named = Files.createDirectories(tmp.resolve("named"));
    Files.copy(landing.resolve("w-2012-01.parquet"), named.resolve("part-0001.data"));
    Cli.Result explicit = Cli.run("ingest", "--job", "named", "--input", named, "--input-format", "parquet",
        "--table", "raw.named", "--output", tmp.resolve("tables/named"), "--catalog", catalog);
    assertThat(explicit.exit()).as(explicit.toString()).isZero();
    assertThat(explicit.out()).contains("1 inputs read, 31 rows in, 31 out");
  }

  @Test
  void aJdbcPasswordIsNeverStoredAndIsAskedForAgain() throws Exception {
    String secret = "s3cret-pw";
    String source = CatalogOptions.sqliteUrl(tmp.resolve("source.db"));
    Path catalogFile = tmp.resolve("catalog.db");
    String catalog = CatalogOptions.sqliteUrl(catalogFile);
    try (Connection c = DriverManager.getConnection(source)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, region TEXT, amount REAL)");
      }
      insert(c, 1, 50);
      Cli.Result r1 = Cli.run("ingest", "--job", "o", "--jdbc", source + "?password=" + secret, "--jdbc-user",
          "loader", "--source-table", "orders", "--bookmark-keys", "id", "--table", "shop.orders", "--output",
          tmp.resolve("orders"), "--catalog", catalog);
      assertThat(r1.exit()).as(r1.toString()).isZero();
      assertThat(r1.out()).contains("and the password (--jdbc-password or PARTITA_JDBC_PASSWORD), which is never"
          + " stored");
      insert(c, 51, 80);
      Cli.Result noPassword = Cli.run("ingest", "--job", "o", "--catalog", catalog);
      assertThat(noPassword.exit()).as(noPassword.toString()).isEqualTo(Partita.EXIT_USAGE);
      assertThat(noPassword.err()).contains("connects with a password, which is never stored")
          .contains("--jdbc-password");
      Cli.Result r2 = Cli.run("ingest", "--job", "o", "--jdbc-password", secret, "--catalog", catalog);
      assertThat(r2.exit()).as(r2.toString()).isZero();
      assertThat(r2.out()).contains("30 rows in, 30 out").doesNotContain("Stored");
      Cli.Result show = Cli.run("bookmarks", "show", "o", "--catalog", catalog);
      assertThat(show.out()).contains("  source.jdbc.url = " + source).contains("  source.jdbc.property.user = loader")
          .contains("  source.jdbc.password = (not stored)").doesNotContain(secret);
    }
    assertThat(new String(Files.readAllBytes(catalogFile), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
  }

  @Test
  void usageErrors() {
    Cli.Result none = Cli.run("ingest", "--job", "x", "--table", "t");
    assertThat(none.exit()).isEqualTo(Partita.EXIT_USAGE);
    assertThat(none.err()).contains("give one source: --input DIR (files) or --jdbc URL")
        .contains("job 'x' has no stored definition to run");
    Cli.Result keys = Cli.run("ingest", "--job", "x", "--table", "t", "--jdbc", "jdbc:sqlite:x.db", "--query",
        "SELECT 1");
    assertThat(keys.err()).contains("--jdbc needs --bookmark-keys");
  }
}
