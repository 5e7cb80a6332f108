package dev.partita.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --bad-records skip} and {@code --bad-records PATH}: bad rows are dropped, counted and (with a path) logged. */
class BadRecordsTest {
  @TempDir
  Path tmp;

  static final String INPUT = String.join("\n",
      "id,name,day",
      "1,one,2024-01-01",
      "2,two,2024-01-02,extra",
      "3,\"th\"ree\",2024-01-03",
      "x4,four,2024-01-04",
      "5,five,2024-13-05",
      "6,six,2024-01-06",
      "7,\"seven, with comma\",2024-01-07",
      "8",
      "9,nine,2024-01-09",
      "");

  @Test
  void skipDropsAndCounts() throws Exception {
    Path in = tmp.resolve("in.csv");
    Files.writeString(in, INPUT);
    Path out = tmp.resolve("t");
    Cli.Result r = Cli.run("write", "--input", in, "--output", out, "--schema", "id:int64,name:string,day:date",
        "--partition-by", "day", "--bad-records", "skip", "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    Summary s = Summary.parse(r.out());
    assertThat(s.number("rows")).isEqualTo(4);
    assertThat(s.number("bad_rows")).isEqualTo(5);
    try (DuckDb db = new DuckDb()) {
      assertThat(db.rows("SELECT id, name, day FROM read_parquet(" + DuckDb.literal(out + "/**/part-*.parquet")
          + ", hive_partitioning=true) ORDER BY id")).containsExactly(
              List.of("1", "one", "2024-01-01"), List.of("6", "six", "2024-01-06"),
              List.of("7", "seven, with comma", "2024-01-07"), List.of("9", "nine", "2024-01-09"));
    }
    Cli.Result text = Cli.run("write", "--input", in, "--output", tmp.resolve("t2"), "--schema",
        "id:int64,name:string,day:date", "--bad-records", "skip");
    assertThat(text.out()).contains("Wrote 4 rows").contains("5 bad records skipped");
  }

  @Test
  void pathLogsEachBadRecordWithItsReason() throws Exception {
    Path in = tmp.resolve("in.csv");
    Files.writeString(in, INPUT);
    Path log = tmp.resolve("logs/bad.jsonl");
    Cli.Result r = Cli.run("write", "--input", in, "--output", tmp.resolve("t"), "--schema",
        "id:int64,name:string,day:date", "--bad-records", log, "--format", "csv", "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Summary.parse(r.out()).number("bad_rows")).isEqualTo(5);
    List<Map<String, String>> bad = readJsonLines(log);
    assertThat(bad).extracting(m -> m.get("line")).containsExactly("3", "4", "5", "6", "9");
    assertThat(bad).allSatisfy(m -> assertThat(m.get("file")).isEqualTo(in.toString()));
    assertThat(bad.get(0).get("reason")).isEqualTo("expected 3 fields (as the header has), found 4");
    assertThat(bad.get(0).get("record")).isEqualTo("2,two,2024-01-02,extra");
    assertThat(bad.get(1).get("reason")).startsWith("unexpected character 'r' after the closing quote");
    assertThat(bad.get(1).get("column")).isEqualTo("2");
    assertThat(bad.get(2)).containsEntry("column", "1").containsEntry("column_name", "id")
        .containsEntry("reason", "'x4' is not an integer").containsEntry("record", "x4,four,2024-01-04");
    assertThat(bad.get(3)).containsEntry("column", "3").containsEntry("column_name", "day")
        .containsEntry("reason", "'2024-13-05' is not a valid calendar date");
    assertThat(bad.get(4)).containsEntry("reason", "expected 3 fields (as the header has), found 1");
  }

  @Test
  void jsonBadRecordsAreLoggedAsJson() throws Exception {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, "{\"id\": 1, \"v\": 1.5}\n{\"id\": \"two\", \"v\": 2}\n{\"id\": 3, \"v\": [1]}\n"
        + "{\"id\": 4, \"v\": null}\n", StandardCharsets.UTF_8);
    Path log = tmp.resolve("bad.jsonl");
    Cli.Result r = Cli.run("write", "--input", in, "--output", tmp.resolve("t"), "--schema", "id:int64,v:double",
        "--bad-records", log, "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Summary.parse(r.out()).number("rows")).isEqualTo(2);
    List<Map<String, String>> bad = readJsonLines(log);
    assertThat(bad).extracting(m -> m.get("line")).containsExactly("2", "3");
    assertThat(bad.get(0)).containsEntry("column_name", "id").containsEntry("reason", "'two' is not an integer")
        .containsEntry("record", "{\"id\":\"two\",\"v\":2}");
    assertThat(bad.get(1)).containsEntry("column_name", "v");
    assertThat(bad.get(1).get("reason")).contains("a JSON array cannot be a double");
  }

  static List<Map<String, String>> readJsonLines(Path file) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      while (p.nextToken() == JsonToken.START_OBJECT) {
        Map<String, String> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          p.nextToken();
          m.put(k, p.getText());
        }
        out.add(m);
      }
    }
    return out;
  }
}
