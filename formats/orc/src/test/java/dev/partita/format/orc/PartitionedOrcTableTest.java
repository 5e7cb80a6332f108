package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.commit.CommitResult;
import dev.partita.commit.DataFile;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.table.Table;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteMode;
import dev.partita.write.WriteOptions;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.orc.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * birdstrikes.csv written through the core's partitioned writer as ORC, by year of {@code Flight Date} and by
 * {@code Origin State} (values with spaces), and read back whole with orc-core's reader.
 */
class PartitionedOrcTableTest {
  @TempDir Path dir;

  @Test
  void birdstrikesByYearAndOriginState() throws Exception {
    List<List<String>> records;
    try (BufferedReader in = Files.newBufferedReader(BirdstrikesOrcTest.datasets().resolve("birdstrikes.csv"),
        StandardCharsets.UTF_8)) {
      records = Rfc4180.parse(in);
    }
    List<String> header = records.get(0);
    List<Column> columns = new ArrayList<>();
    for (String name : header) {
      columns.add(Column.optional(name, name.equals("Flight Date") ? DataType.date()
          : name.startsWith("Cost ") ? DataType.int64() : DataType.string()));
    }
    Schema schema = Schema.of(columns);
    List<Object[]> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      Object[] v = new Object[header.size()];
      for (int c = 0; c < v.length; c++) {
        String t = r.get(c);
        DataType type = schema.column(c).type();
        v[c] = t.isEmpty() ? null : type.kind() == DataType.Kind.DATE ? (int) LocalDate.parse(t).toEpochDay()
            : type.kind() == DataType.Kind.INT64 ? Long.parseLong(t) : t;
      }
      rows.add(v);
    }
    PartitionSpec spec = PartitionSpec.builder(schema).year("Flight Date").identity("Origin State").build();
    Path root = dir.resolve("birdstrikes");
    CommitResult result;
    ObjectArrayRow row = new ObjectArrayRow(schema);
    try (PartitionedWriter w = Table.open(root).newWriter(WriteOptions.builder(schema,
        OrcFormat.builder().codec("zstd").build()).partitionBy(spec).mode(WriteMode.ERROR_IF_EXISTS).build())) {
      for (Object[] r : rows) {
        w.write(row.wrap(r));
      }
      result = w.commit();
    }

    Schema dataSchema = spec.dataSchema();
    int state = schema.require("Origin State");
    List<Object[]> back = new ArrayList<>();
    Set<String> dirs = new HashSet<>();
    for (DataFile f : result.files()) {
      Path file = root.resolve(f.path());
      assertThat(file.getFileName().toString()).endsWith(".zstd.orc");
      dirs.add(f.path().substring(0, f.path().lastIndexOf('/')));
      String stateValue = f.partition().get("Origin State");
      try (Reader reader = OrcReadBack.open(file)) {
        assertThat(reader.getNumberOfRows()).as("no empty file").isEqualTo(f.rows()).isPositive();
        assertThat(reader.getSchema().getFieldNames()).doesNotContain("Origin State").contains("Flight Date");
        for (Object[] d : OrcReadBack.readAll(reader, dataSchema)) {
          Object[] full = new Object[schema.size()];
          for (int c = 0, k = 0; c < schema.size(); c++) {
            full[c] = c == state ? stateValue : d[k++];
          }
          back.add(full);
          // The year directory matches the row's date.
          Integer day = (Integer) full[schema.require("Flight Date")];
          if (day != null) {
            assertThat(f.partition().get("Flight Date_year"))
                .isEqualTo(Integer.toString(LocalDate.ofEpochDay(day).getYear()));
          }
        }
      }
    }
    assertThat(back).hasSize(10_000);
    assertThat(OrcReadBack.comparable(back)).containsExactlyInAnyOrderElementsOf(OrcReadBack.comparable(rows));
    assertThat(dirs.stream().anyMatch(d -> d.contains("Origin State=New York"))).isTrue();
    assertThat(dirs.stream().anyMatch(d -> d.contains("Origin State=__HIVE_DEFAULT_PARTITION__"))
        == rows.stream().anyMatch(r -> r[state] == null)).isTrue();
  }
}
