package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.format.ColumnStats;
import dev.partita.format.FileMetrics;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.orc.ColumnStatistics;
import org.apache.orc.CompressionKind;
import org.apache.orc.Reader;
import org.apache.orc.TypeDescription;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type x nullability x codec: a few hundred rows written with {@link OrcFormat}, read back with orc-core's
 * reader and compared value by value; the ORC type, the codec in the file, and the statistics (ours and the
 * file's) are checked against what the test computes from the values.
 */
class OrcRoundTripTest {
  private static final int ROWS = 300;

  @TempDir
  Path dir;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String codec : List.of("none", "zlib", "snappy", "zstd", "lz4")) {
      for (DataType t : TestValues.ALL_TYPES) {
        out.add(Arguments.of(t, true, codec));
        out.add(Arguments.of(t, false, codec));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} nullable={1} {2}")
  @MethodSource("cases")
  void roundTrip(DataType type, boolean nullable, String codec) throws Exception {
    // An id column keeps row order checkable; the column under test carries the type's name.
    Schema schema = Schema.of(Column.required("id", DataType.int32()), new Column("v " + type, type, nullable));
    List<Object> values = TestValues.column(type, nullable, ROWS, type.hashCode() * 31L + codec.hashCode());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(new Object[] {i, values.get(i)});
    }
    OrcFormat format = OrcFormat.builder().codec(codec).batchSize(64).build();
    Path file = dir.resolve("t" + format.fileSuffix());

    FileMetrics metrics = OrcReadBack.write(format, schema, file, rows);

    try (Reader reader = OrcReadBack.open(file)) {
      assertThat(reader.getCompressionKind()).isEqualTo(CompressionKind.valueOf(codec.toUpperCase()));
      assertThat(reader.getSchema().getFieldNames()).containsExactly("id", "v " + type);
      assertThat(reader.getSchema().getChildren().get(1)).isEqualTo(expectedOrcType(type));
      assertThat(reader.getNumberOfRows()).isEqualTo(ROWS);
      List<Object[]> read = OrcReadBack.readAll(reader, schema);
      assertThat(OrcReadBack.comparable(read))
        .containsExactlyElementsOf(OrcReadBack.comparable(rows));

      long nulls = values.stream().filter(v -> v == null).count();
      assertThat(nulls > 0).isEqualTo(nullable);
      ColumnStatistics fileStats = reader.getStatistics()[2];
      assertThat(fileStats.hasNull()).isEqualTo(nullable);
      assertThat(fileStats.getNumberOfValues()).isEqualTo(ROWS - nulls);

      assertThat(metrics.rows()).isEqualTo(ROWS);
      assertThat(metrics.bytes()).isEqualTo(Files.size(file));
      ColumnStats stats = metrics.columns().get(1);
      assertThat(stats.column()).isEqualTo("v " + type);
      assertThat(stats.valueCount()).isEqualTo(ROWS);
      assertThat(stats.nullCount()).isEqualTo(nulls);
      if (type.kind() == DataType.Kind.BINARY) {
        assertThat(stats.min()).isEmpty();
        assertThat(stats.max()).isEmpty();
      } else {
        assertThat(stats.min()).isEqualTo(TestValues.min(type, values));
        assertThat(stats.max()).isEqualTo(TestValues.max(type, values));
      }
      assertThat(metrics.columns().get(0)).isEqualTo(
          new ColumnStats("id", ROWS, 0, Optional.of(0), Optional.of(ROWS - 1)));
    }
  }

  static TypeDescription expectedOrcType(DataType t) {
    return TypeDescription.fromString(switch (t.kind()) {
      case BOOLEAN -> "boolean";
      case INT32 -> t.bitWidth() == 8 ? "tinyint" : t.bitWidth() == 16 ? "smallint" : "int";
      case INT64, TIME -> "bigint";
      case FLOAT32 -> "float";
      case FLOAT64 -> "double";
      case DECIMAL -> "decimal(" + t.precision() + "," + t.scale() + ")";
      case STRING -> "string";
      case BINARY -> "binary";
      case DATE -> "date";
      case TIMESTAMP -> t.isAdjustedToUtc() ? "timestamp with local time zone" : "timestamp";
    });
  }
}
