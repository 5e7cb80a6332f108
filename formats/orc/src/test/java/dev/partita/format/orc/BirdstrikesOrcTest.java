package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.format.ColumnStats;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.orc.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real dataset: the FAA wildlife-strike sample (10,000 rows, column names with spaces and {@code $}, empty
 * fields) parsed as RFC 4180, typed, written as one ORC file in several stripes, and read back whole.
 */
class BirdstrikesOrcTest {
  @TempDir
  Path dir;

  static Path datasets() {
    String configured = System.getProperty("partita.datasets");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !(Files.isDirectory(d.resolve("formats")) && Files.exists(d.resolve("pom.xml")))) {
      d = d.getParent();
    }
    assertThat(d).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
    return d.resolve("../shared/datasets").normalize();
  }

  @Test
  void parserFollowsRfc4180() throws Exception {
    String csv = "a,\"b,\"\"c\"\"\",\r\n\"x\ny\",,z\n\"\",last";
    assertThat(Rfc4180.parse(new BufferedReader(new StringReader(csv)))).containsExactly(
        List.of("a", "b,\"c\"", ""), List.of("x\ny", "", "z"), List.of("", "last"));
  }

  private static DataType typeOf(String column) {
    return switch (column) {
      case "Flight Date" -> DataType.date();
      case "Cost Other", "Cost Repair", "Cost Total $" -> DataType.int64();
      case "Speed IAS in knots" -> DataType.int32();
      default -> DataType.string();
    };
  }

  private static Object convert(DataType t, String text) {
    if (text.isEmpty()) {
      return null;
    }
    return switch (t.kind()) {
      case DATE -> (int) LocalDate.parse(text).toEpochDay();
      case INT64 -> Long.parseLong(text);
      case INT32 -> Integer.parseInt(text);
      default -> text;
    };
  }

  @Test
  void birdstrikesRoundTrip() throws Exception {
    Path csv = datasets().resolve("birdstrikes.csv");
    List<List<String>> records;
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      records = Rfc4180.parse(in);
    }
    List<String> header = records.get(0);
    assertThat(header).hasSize(14).contains("Cost Total $", "Flight Date", "Origin State");
    List<Column> columns = new ArrayList<>();
    for (String name : header) {
      columns.add(Column.optional(name, typeOf(name)));
    }
    Schema schema = Schema.of(columns);
    List<Object[]> rows = new ArrayList<>();
    long[] empties = new long[header.size()];
    for (List<String> r : records.subList(1, records.size())) {
      assertThat(r).hasSize(header.size());
      Object[] v = new Object[header.size()];
      for (int c = 0; c < v.length; c++) {
        v[c] = convert(schema.column(c).type(), r.get(c));
        if (r.get(c).isEmpty()) {
          empties[c]++;
        }
      }
      rows.add(v);
    }
    assertThat(rows).hasSize(10_000);
    assertThat(empties[header.indexOf("Speed IAS in knots")]).isPositive();

    Path file = dir.resolve("birdstrikes" + OrcFormat.defaults().fileSuffix());
    FormatWriter w = OrcFormat.defaults().open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow row = new ObjectArrayRow(schema);
    for (int i = 0; i < rows.size(); i++) {
      w.write(row.wrap(rows.get(i)));
      if ((i + 1) % 2500 == 0) {
        w.flush();
      }
    }
    FileMetrics metrics = w.finish();

    assertThat(metrics.rows()).isEqualTo(10_000);
    assertThat(metrics.bytes()).isEqualTo(Files.size(file));
    for (int c = 0; c < header.size(); c++) {
      ColumnStats s = metrics.columns().get(c);
      assertThat(s.column()).isEqualTo(header.get(c));
      assertThat(s.nullCount()).as(header.get(c)).isEqualTo(empties[c]);
      int col = c;
      List<Object> values = rows.stream().map(r -> r[col]).filter(Objects::nonNull).toList();
      DataType t = schema.column(c).type();
      assertThat(s.min()).as(header.get(c)).isEqualTo(TestValues.min(t, values));
      assertThat(s.max()).as(header.get(c)).isEqualTo(TestValues.max(t, values));
    }

    try (Reader reader = OrcReadBack.open(file)) {
      assertThat(reader.getSchema().getFieldNames()).containsExactlyElementsOf(header);
      assertThat(reader.getStripes()).hasSize(4);
      assertThat(OrcReadBack.comparable(OrcReadBack.readAll(reader, schema)))
          .containsExactlyElementsOf(OrcReadBack.comparable(rows));
    }
  }
}
