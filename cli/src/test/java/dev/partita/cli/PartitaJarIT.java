package dev.partita.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool: {@code java -jar target/partita.jar} as a separate process (run by failsafe after
 * {@code package}), checking exit codes, that stdout carries only the summary, that every format provider and
 * codec made it into the shaded jar (merged {@code META-INF/services}), and the written tables.
 */
class PartitaJarIT {
  static final Path JAR = Path.of("target", "partita.jar").toAbsolutePath();

  @TempDir
  Path tmp;

  record Proc(int exit, String out, String err) {}

  static Proc run(Object... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    for (Object a : args) {
      cmd.add(String.valueOf(a));
    }
    Path out = Files.createTempFile("partita-out", ".txt");
    Path err = Files.createTempFile("partita-err", ".txt");
    try {
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
      return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void versionAndHelp() throws Exception {
    assertThat(JAR).exists();
    Proc v = run("--version");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("partita 0.");
    Proc h = run("write", "--help");
    assertThat(h.exit()).isZero();
    assertThat(h.out()).contains("--partition-by");
  }

  @Test
  void writesEveryFormatFromTheJar() throws Exception {
    Path in = Cli.dataset("airports.csv");
    for (String[] fc : new String[][] {{"parquet", "zstd"}, {"orc", "snappy"}, {"csv", "gzip"}, {"json", "zstd"}}) {
      Path out = tmp.resolve(fc[0]);
      Proc p = run("write", "--input", in, "--output", out, "--partition-by", "state", "--format", fc[0],
          "--codec", fc[1], "--json");
      assertThat(p.exit()).as(p.err()).isZero();
      assertThat(p.err()).isEmpty();
      Summary s = Summary.parse(p.out());
      assertThat(s.number("rows")).isEqualTo(3376);
      Schema schema = s.schema();
      try (DuckDb db = new DuckDb()) {
        String actual = fc[0].equals("orc") ? OrcTables.load(db, out, schema, Set.of("state"), "t")
            : DuckDb.table(out, fc[0], schema, Set.of("state"));
        assertThat(db.assertSameRows(DuckDb.csvInput(in, schema), actual)).isEqualTo(3376);
      }
      if (fc[0].equals("csv") || fc[0].equals("json")) {
        continue; // inspect reads Parquet and ORC footers
      }
      Proc i = run("inspect", out, "--json");
      assertThat(i.exit()).as(i.err()).isZero();
      Map<String, Object> report = InspectCommandTest.report(i.out());
      assertThat(report).containsEntry("rows", "3376").containsEntry("partitions", "57")
          .containsEntry("codecs", List.of(fc[1]));
    }
  }

  @Test
  void exitCodesOfTheProcess() throws Exception {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "a,b\n1,2\n3\n");
    Proc p = run("write", "--input", bad, "--output", tmp.resolve("t"));
    assertThat(p.exit()).isEqualTo(1);
    assertThat(p.err()).contains(bad + ", line 3: expected 2 fields");
    assertThat(tmp.resolve("t")).doesNotExist();
    Proc u = run("write", "--input", bad, "--output", tmp.resolve("t"), "--codec", "rot13");
    assertThat(u.exit()).isEqualTo(2);
    assertThat(u.err()).contains("codec 'rot13' cannot be used for Parquet");
    assertThat(run("write", "--output", tmp.resolve("t")).exit()).isEqualTo(2);
  }
}
