package dev.partita.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code partita inspect} (on the catalog's {@code TableScanner}) on tables written by Partita, by DuckDB and by
 * Polars (the shared Parquet file).
 */
@SuppressWarnings("unchecked")
class InspectCommandTest {
  @TempDir
  Path tmp;

  /** The report's scalar fields, and its column lists as {@code name:type} strings. */
  static Map<String, Object> report(String json) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          List<String> items = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
              String name = null;
              String type = null;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("name")) {
                  name = p.getText();
                } else {
                  type = p.getText();
                }
              }
              items.add(name + ":" + type);
            } else {
              items.add(p.getText());
            }
          }
          out.put(k, items);
        } else if (t == JsonToken.START_OBJECT) {
          Map<String, String> m = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            p.skipChildren();
            m.put(f, p.getText());
          }
          out.put(k, m);
        } else {
          out.put(k, p.getText());
        }
      }
    }
    return out;
  }

  private Map<String, Object> inspect(Path dir) throws IOException {
    Cli.Result r = Cli.run("inspect", dir, "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    return report(r.out());
  }

  @Test
  void partitaParquetAndOrcTables() throws Exception {
    Path pq = tmp.resolve("pq");
    assertThat(Cli.run("write", "-i", Cli.dataset("airports.csv"), "-o", pq, "--partition-by", "state",
        "--no-sync").exit()).isZero();
    Map<String, Object> r = inspect(pq);
    assertThat(r).containsEntry("rows", "3376").containsEntry("partitions", "57").containsEntry("files", "57")
        .containsEntry("codecs", List.of("snappy")).containsEntry("partition_columns", List.of("state:string"))
        .containsEntry("schema", List.of("iata:string", "name:string", "city:string", "country:string",
            "latitude:double", "longitude:double"))
        .containsEntry("format", "parquet");

    Path orc = tmp.resolve("orc");
    assertThat(Cli.run("write", "-i", Cli.dataset("seattle-weather.csv"), "-o", orc, "--format", "orc",
        "--codec", "zstd", "--partition-by", "y=year(date),weather", "--no-sync").exit()).isZero();
    r = inspect(orc);
    assertThat(r).containsEntry("rows", "1461").containsEntry("codecs", List.of("zstd"))
        .containsEntry("partition_columns", List.of("y:int32", "weather:string"))
        .containsEntry("schema", List.of("date:date", "precipitation:double", "temp_max:double",
            "temp_min:double", "wind:double"));
    try (DuckDb db = new DuckDb()) {
      long expected = db.longValue("SELECT count(DISTINCT (year(date), weather)) FROM read_csv("
          + DuckDb.literal(Cli.dataset("seattle-weather.csv")) + ")");
      assertThat(Long.parseLong((String) r.get("partitions"))).isEqualTo(expected);
    }

    Cli.Result text = Cli.run("inspect", orc);
    assertThat(text.out()).contains("rows:       1,461").contains(" by y:int32, weather:string");
  }

  @Test
  void textTablesHaveNoFootersToInspect() throws Exception {
    Path t = tmp.resolve("t");
    assertThat(Cli.run("write", "-i", Cli.dataset("airports.csv"), "-o", t, "--format", "csv", "--codec", "gzip",
        "--partition-by", "country", "--no-sync").exit()).isZero();
    Cli.Result r = Cli.run("inspect", t);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("holds no readable Parquet or ORC file")
        .contains("country=USA/part-").contains("not a Parquet or ORC file");
  }

  @Test
  void tableWrittenByDuckDb() throws Exception {
    Path t = tmp.resolve("duck");
    try (DuckDb db = new DuckDb()) {
      db.execute("COPY (SELECT *, year(date) AS yr, month(date) AS mo FROM read_csv("
          + DuckDb.literal(Cli.dataset("seattle-weather.csv")) + ")) TO " + DuckDb.literal(t)
          + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (yr, mo))");
    }
    Map<String, Object> r = inspect(t);
    assertThat(r).containsEntry("rows", "1461").containsEntry("partitions", "48")
        .containsEntry("codecs", List.of("zstd"))
        .containsEntry("partition_columns", List.of("yr:int32", "mo:int32"));
    assertThat((List<Object>) r.get("schema")).contains("date:date", "weather:string");
  }

  @Test
  void polarsFileFromTheSharedDatasets() throws Exception {
    Map<String, Object> r = inspect(Cli.dataset("flights-3m.parquet"));
    assertThat(r).containsEntry("rows", "3000000").containsEntry("single_file", "true")
        .containsEntry("written_by", Map.of("Polars", "1"))
        .containsEntry("partition_columns", List.of()).containsEntry("codecs", List.of("zstd"));
    assertThat((List<Object>) r.get("schema")).containsExactly("date:timestamp", "delay:int64", "distance:int64",
        "origin:string", "destination:string");
  }

  @Test
  void missingOrNotADirectory() throws IOException {
    Cli.Result r = Cli.run("inspect", tmp.resolve("nope"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("does not exist");
    Path f = tmp.resolve("f");
    Files.writeString(f, "x");
    r = Cli.run("inspect", f);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("holds no readable Parquet or ORC file");
    assertThat(Cli.run("inspect").exit()).isEqualTo(2);
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("x.parquet"), "not parquet at all");
    r = Cli.run("inspect", bad);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("holds no readable Parquet or ORC file: x.parquet: footer unreadable");
    Files.copy(Cli.dataset("flights-3m.parquet"), bad.resolve("good.parquet"));
    r = Cli.run("inspect", bad);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("rows:       3,000,000").contains("skipped:    x.parquet: footer unreadable");
  }
}
