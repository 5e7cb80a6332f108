package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.format.ColumnStats;
import dev.partita.format.FileMetrics;
import dev.partita.format.parquet.footer.ParquetFooter;
import dev.partita.format.parquet.footer.ParquetFooterReader;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.testing.Datasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partita's Hadoop-free footer reader against files of every type and against parquet-java's reading. */
class ParquetFooterReaderTest {
  @TempDir Path tmp;

  @Test
  void everyTypeRoundTripsWithTheWritersStatistics() throws Exception {
    Schema schema = TestRows.allTypesSchema();
    List<Object[]> rows = TestRows.randomRows(schema, 2000, new Random(7));
    Path file = tmp.resolve("all.parquet");
    FileMetrics metrics = TestRows.write(ParquetFormat.builder().rowGroupSize(ParquetFormat.MIN_ROW_GROUP_SIZE)
        .build(), schema, rows, file);
    ParquetFooter footer = ParquetFooterReader.read(file);
    assertThat(footer.schema()).isEqualTo(schema);
    assertThat(footer.unsupportedColumns()).isEmpty();
    assertThat(footer.rows()).isEqualTo(2000);
    assertThat(footer.rowGroups()).isGreaterThan(1);
    assertThat(footer.codecs()).containsExactly("snappy");
    assertThat(footer.createdBy()).hasValueSatisfying(c -> assertThat(c).startsWith("partita"));
    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      assertThat(footer.rowGroups()).isEqualTo(reader.getFooter().getBlocks().size());
    }
    // Bounds decoded from the file equal those the writer collected while writing.
    assertThat(footer.columns()).hasSameSizeAs(metrics.columns());
    for (int i = 0; i < metrics.columns().size(); i++) {
      ColumnStats expected = metrics.columns().get(i);
      ColumnStats actual = footer.columns().get(i);
      assertThat(actual.column()).isEqualTo(expected.column());
      assertThat(actual.valueCount()).as(expected.column()).isEqualTo(expected.valueCount());
      assertThat(actual.nullCount()).as(expected.column()).isEqualTo(expected.nullCount());
      assertThat(same(actual.min().orElse(null), expected.min().orElse(null))).as("min of %s: %s vs %s",
          expected.column(), actual.min(), expected.min()).isTrue();
      assertThat(same(actual.max().orElse(null), expected.max().orElse(null))).as("max of %s",
          expected.column()).isTrue();
    }
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return java.util.Objects.equals(a, b);
  }

  @Test
  void pyarrowFileAgreesWithParquetJava() throws Exception {
    Path file = Datasets.file("flights-3m.parquet");
    ParquetFooter footer = ParquetFooterReader.read(file);
    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      ParquetMetadata meta = reader.getFooter();
      assertThat(footer.createdBy()).contains(meta.getFileMetaData().getCreatedBy());
      assertThat(footer.rows()).isEqualTo(3_000_000L)
          .isEqualTo(meta.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum());
      assertThat(footer.rowGroups()).isEqualTo(meta.getBlocks().size()).isEqualTo(11);
      TreeSet<String> codecs = new TreeSet<>();
      meta.getBlocks().forEach(b -> b.getColumns().forEach(c -> codecs.add(c.getCodec().name().toLowerCase())));
      assertThat(footer.codecs()).containsExactlyElementsOf(codecs);
      assertThat(footer.keyValueMetadata()).containsKey("ARROW:schema")
          .isEqualTo(meta.getFileMetaData().getKeyValueMetaData());
      assertThat(footer.schema().columns()).extracting(Column::name)
          .containsExactly("date", "delay", "distance", "origin", "destination");
      assertThat(footer.schema().column(0).type().kind()).isEqualTo(DataType.Kind.TIMESTAMP);
      assertThat(footer.schema().column(3).type()).isEqualTo(DataType.string());
      for (ColumnStats s : footer.columns()) {
        int index = footer.schema().require(s.column());
        long nulls = 0;
        long values = 0;
        Object min = null;
        Object max = null;
        for (BlockMetaData b : meta.getBlocks()) {
          ColumnChunkMetaData c = b.getColumns().get(index);
          Statistics<?> st = c.getStatistics();
          values += c.getValueCount();
          nulls += st.getNumNulls();
          Object lo = javaValue(st.genericGetMin());
          Object hi = javaValue(st.genericGetMax());
          min = min == null || compare(lo, min) < 0 ? lo : min;
          max = max == null || compare(hi, max) > 0 ? hi : max;
        }
        assertThat(s.valueCount()).as(s.column()).isEqualTo(values);
        assertThat(s.nullCount()).as(s.column()).isEqualTo(nulls);
        Object expectedMin = min;
        Object expectedMax = max;
        if (s.column().equals("date")) {
          // parquet-java gives the raw int64 in the file's unit; the reader converts to microseconds.
          long factor = unitToMicros(footer, meta);
          expectedMin = factor > 0 ? (Long) min * factor : Math.floorDiv((Long) min, -factor);
          expectedMax = factor > 0 ? (Long) max * factor : Math.floorDiv((Long) max, -factor);
        }
        assertThat(s.min()).as("min of " + s.column()).contains(expectedMin);
        assertThat(s.max()).as("max of " + s.column()).contains(expectedMax);
      }
    }
  }

  private static long unitToMicros(ParquetFooter footer, ParquetMetadata meta) {
    var t = meta.getFileMetaData().getSchema().getType("date").asPrimitiveType().getLogicalTypeAnnotation();
    String unit = ((org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) t)
        .getUnit().name();
    return switch (unit) {
      case "MILLIS" -> 1000;
      case "MICROS" -> 1;
      default -> -1000;
    };
  }

  private static Object javaValue(Object v) {
    return v instanceof Binary b ? b.toStringUsingUTF8() : v;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  @Test
  void rejectsFilesThatAreNotParquet() throws Exception {
    Path small = tmp.resolve("small.parquet");
    Files.write(small, new byte[] {'P', 'A', 'R', '1'});
    assertThatThrownBy(() -> ParquetFooterReader.read(small)).hasMessageContaining("not a Parquet file");
    Path csv = tmp.resolve("x.parquet");
    Files.writeString(csv, "a,b\n1,2\n3,4\n5,6\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ParquetFooterReader.read(csv)).hasMessageContaining("PAR1 magic");
    Path corrupt = tmp.resolve("corrupt.parquet");
    Files.write(corrupt, new byte[] {'P', 'A', 'R', '1', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 0xff, 0x7f, 0, 0,
        'P', 'A', 'R', '1'});
    assertThatThrownBy(() -> ParquetFooterReader.read(corrupt)).hasMessageContaining("corrupt Parquet footer");
  }
}
