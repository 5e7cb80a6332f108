package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.format.ColumnStats;
import dev.partita.format.FileMetrics;
import dev.partita.format.orc.footer.OrcFooter;
import dev.partita.format.orc.footer.OrcFooterReader;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.orc.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The footer-only ORC reader against orc-core's full reader and the writer's own statistics. */
class OrcFooterReaderTest {
  @TempDir Path tmp;

  @Test
  void everyTypeAgreesWithOrcCoreAndTheWriter() throws Exception {
    Schema.Builder b = Schema.builder();
    for (DataType t : TestValues.ALL_TYPES) {
      b.required(t + " req", t);
      b.optional(t + " opt", t);
    }
    Schema schema = b.build();
    int rows = 3000;
    List<List<Object>> columns = new ArrayList<>();
    for (int c = 0; c < schema.size(); c++) {
      columns.add(TestValues.column(schema.column(c).type(), schema.column(c).nullable(), rows, 100 + c));
    }
    List<Object[]> data = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      Object[] row = new Object[schema.size()];
      for (int c = 0; c < schema.size(); c++) {
        row[c] = columns.get(c).get(r);
      }
      data.add(row);
    }
    Path file = tmp.resolve("all.orc");
    FileMetrics metrics = OrcReadBack.write(OrcFormat.builder().codec("zlib").build(), schema, file, data);

    OrcFooter footer = OrcFooterReader.read(file);
    assertThat(footer.unsupportedColumns()).isEmpty();
    // ORC has no required columns: nullability comes back from the statistics (these columns all hold nulls).
    assertThat(footer.schema()).isEqualTo(schema);
    assertThat(footer.rows()).isEqualTo(rows);
    assertThat(footer.codec()).isEqualTo("zlib");
    assertThat(footer.userMetadata()).containsKey(OrcFormat.TIME_COLUMNS_KEY);
    try (Reader reader = OrcReadBack.open(file)) {
      assertThat(footer.stripes()).isEqualTo(reader.getStripes().size());
      assertThat(footer.rows()).isEqualTo(reader.getNumberOfRows());
      assertThat(footer.codec()).isEqualTo(reader.getCompressionKind().name().toLowerCase());
      assertThat(footer.writer()).contains(reader.getSoftwareVersion());
    }
    assertThat(footer.columns()).hasSize(schema.size());
    for (int c = 0; c < schema.size(); c++) {
      ColumnStats actual = footer.columns().get(c);
      ColumnStats expected = metrics.columns().get(c);
      Column col = schema.column(c);
      assertThat(actual.column()).isEqualTo(col.name());
      assertThat(actual.valueCount()).as(col.name()).isEqualTo(rows);
      assertThat(actual.nullCount()).as(col.name()).isEqualTo(expected.nullCount());
      switch (col.type().kind()) {
        case INT32, INT64, TIME, DECIMAL, DATE, FLOAT64 -> {
          assertThat(actual.min()).as("min of %s", col.name()).isEqualTo(expected.min());
          assertThat(actual.max()).as("max of %s", col.name()).isEqualTo(expected.max());
        }
        case FLOAT32 -> {
          // ORC keeps float bounds as doubles; the writer's are floats of the same values.
          assertThat(actual.min()).isEqualTo(expected.min().map(v -> (Float) v));
          assertThat(actual.max()).isEqualTo(expected.max().map(v -> (Float) v));
        }
        default -> {
          // strings may be truncated bounds, booleans and timestamps are not decoded
        }
      }
    }
  }

  @Test
  void rejectsFilesThatAreNotOrc() throws Exception {
    Path csv = tmp.resolve("x.orc");
    Files.writeString(csv, "a,b\n1,2\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> OrcFooterReader.read(csv)).hasMessageContaining("not an ORC file");
    Path tiny = tmp.resolve("t.orc");
    Files.write(tiny, new byte[] {1});
    assertThatThrownBy(() -> OrcFooterReader.read(tiny)).hasMessageContaining("not an ORC file");
  }
}
