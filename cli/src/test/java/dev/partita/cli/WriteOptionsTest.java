package dev.partita.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of {@code partita write} beyond the dataset round trips, each checked by reading the table back. */
class WriteOptionsTest {
  @TempDir
  Path tmp;

  private List<List<String>> query(String sql) throws Exception {
    try (DuckDb db = new DuckDb()) {
      return db.rows(sql);
    }
  }

  private String parquet(Path table) {
    return "read_parquet(" + DuckDb.literal(table + "/**/part-*.parquet") + ", hive_partitioning=true)";
  }

  @Test
  void csvDialectNoHeaderNullValueAndTsv() throws Exception {
    Path in = tmp.resolve("in.txt");
    Files.writeString(in, "1;'a;b';NA\n2;NA;x\n3;'';''\n");
    Path out = tmp.resolve("t");
    Cli.Result r = Cli.run("write", "-i", in, "-o", out, "--no-header", "--delimiter", ";", "--quote", "'",
        "--null-value", "NA", "--schema", "id:int64,s:string,t:string");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(query("SELECT id, s, t FROM " + parquet(out) + " ORDER BY id")).containsExactly(
        java.util.Arrays.asList("1", "a;b", null), java.util.Arrays.asList("2", null, "x"), List.of("3", "", ""));

    Path tsv = tmp.resolve("in.tsv");
    Files.writeString(tsv, "a\tb\n1\thello, world\n");
    r = Cli.run("write", "-i", tsv, "-o", tmp.resolve("t2"), "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(query("SELECT a, b FROM " + parquet(tmp.resolve("t2")))).containsExactly(List.of("1", "hello, world"));

    r = Cli.run("write", "-i", in, "-o", tmp.resolve("t3"), "--no-header", "--delimiter", ";", "--quote", "'",
        "--null-value", "NA", "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Summary.parse(r.out()).schema().toString()).isEqualTo("[column1:int64, column2:string, column3:string]");
  }

  @Test
  void timeZoneDecidesTheDayOfInstants() throws Exception {
    Path in = tmp.resolve("e.jsonl");
    Files.writeString(in, "{\"at\": \"2024-03-01T23:30:00Z\", \"n\": 1}\n{\"at\": \"2024-03-02T00:30:00+01:00\","
        + " \"n\": 2}\n{\"at\": \"2024-03-02 08:00:00\", \"n\": 3}\n");
    Path out = tmp.resolve("t");
    Cli.Result r = Cli.run("write", "-i", in, "-o", out, "--partition-by", "d=date(at)", "--time-zone",
        "America/New_York", "--schema", "at:timestamptz,n:int64");
    assertThat(r.exit()).as(r.toString()).isZero();
    // 23:30Z is 18:30 in New York; 00:30+01 is 23:30Z; a local 08:00 is read in New York (13:00Z).
    assertThat(query("SELECT n, d, epoch(\"at\")::BIGINT FROM " + parquet(out) + " ORDER BY n")).containsExactly(
        List.of("1", "2024-03-01", "1709335800"), List.of("2", "2024-03-01", "1709335800"),
        List.of("3", "2024-03-02", "1709384400"));
    assertThat(Files.isDirectory(out.resolve("d=2024-03-01"))).isTrue();
  }

  @Test
  void modesAppendOverwriteAndOverwritePartitions() throws Exception {
    Path a = tmp.resolve("a.csv");
    Files.writeString(a, "k,v\nx,1\ny,2\n");
    Path b = tmp.resolve("b.csv");
    Files.writeString(b, "k,v\ny,20\nz,30\n");
    Path out = tmp.resolve("t");
    assertThat(Cli.run("write", "-i", a, "-o", out, "--partition-by", "k").exit()).isZero();
    assertThat(Cli.run("write", "-i", b, "-o", out, "--partition-by", "k", "--mode", "append").exit()).isZero();
    assertThat(query("SELECT k, sum(v) FROM " + parquet(out) + " GROUP BY k ORDER BY k"))
        .containsExactly(List.of("x", "1"), List.of("y", "22"), List.of("z", "30"));
    assertThat(Cli.run("write", "-i", b, "-o", out, "--partition-by", "k", "--mode", "overwrite-partitions")
        .exit()).isZero();
    assertThat(query("SELECT k, sum(v) FROM " + parquet(out) + " GROUP BY k ORDER BY k"))
        .containsExactly(List.of("x", "1"), List.of("y", "20"), List.of("z", "30"));
    assertThat(Cli.run("write", "-i", a, "-o", out, "--partition-by", "k", "--mode", "overwrite").exit()).isZero();
    assertThat(query("SELECT k, sum(v) FROM " + parquet(out) + " GROUP BY k ORDER BY k"))
        .containsExactly(List.of("x", "1"), List.of("y", "2"));
  }

  @Test
  void directoriesOfMixedFilesRollingAndThreadsNote() throws Exception {
    Path dir = tmp.resolve("in");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("1.csv"), "id,name\n1,a\n2,b\n");
    Files.writeString(dir.resolve("sub/2.jsonl"), "{\"name\": \"c\", \"id\": 3}\n");
    Files.writeString(dir.resolve("_ignored.csv"), "garbage\n");
    Files.writeString(dir.resolve(".hidden.csv"), "garbage\n");
    Path out = tmp.resolve("t");
    Cli.Result r = Cli.run("write", "-i", dir, "-o", out, "--max-rows-per-file", "1", "--threads", "4",
        "--no-sync");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Wrote 3 rows").contains("3 files")
        .contains("Threads: 4 writer threads");
    assertThat(query("SELECT id, name FROM " + parquet(out) + " ORDER BY id"))
        .containsExactly(List.of("1", "a"), List.of("2", "b"), List.of("3", "c"));
  }

  @Test
  void quietHelpAndVersion() throws Exception {
    Path in = tmp.resolve("a.csv");
    Files.writeString(in, "a\n1\n");
    Cli.Result r = Cli.run("write", "-i", in, "-o", tmp.resolve("t"), "--quiet");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    Cli.Result help = Cli.run("write", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--partition-by", "--bad-records", "--target-file-size", "--memory",
        "--normalize-names", "--sample-rows", "--time-zone", "--max-open-files", "--max-rows-per-file");
    Cli.Result version = Cli.run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("partita 0.");
    assertThat(Cli.run("--help").out()).contains("write", "inspect");
  }

  @Test
  void normalizedNamesAreUsedEverywhere() throws Exception {
    Path out = tmp.resolve("t");
    Cli.Result r = Cli.run("write", "-i", Cli.dataset("birdstrikes.csv"), "-o", out, "--normalize-names",
        "--partition-by", "origin_state", "--json", "--no-sync");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Summary.parse(r.out()).schema().columns()).extracting(c -> c.name() + ":" + c.type()).contains(
        "airport_name:string", "flight_date:date", "cost_total:int64", "speed_ias_in_knots:int64",
        "origin_state:string");
    assertThat(Files.isDirectory(out.resolve("origin_state=New York"))).isTrue();
  }
}
