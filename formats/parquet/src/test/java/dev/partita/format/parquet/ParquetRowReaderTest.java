package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.parquet.read.ParquetReadOptions;
import dev.partita.format.parquet.read.ParquetRowReader;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Partita's Parquet reader over files Partita wrote: every type, required and nullable, every codec, both page
 * versions, with and without dictionaries, small pages and several row groups. Each value must equal the value
 * written and the value DuckDB reads from the same file.
 */
class ParquetRowReaderTest {
  private static final int ROWS = 700;

  @TempDir
  Path dir;

  static Stream<Arguments> variants() {
    List<Arguments> out = new ArrayList<>();
    for (String codec : ParquetRoundTripTest.CODECS) {
      for (PageVersion version : PageVersion.values()) {
        for (boolean dictionary : new boolean[] {true, false}) {
          out.add(Arguments.of(codec, version, dictionary));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} dictionary={2}")
  @MethodSource("variants")
  void readsEveryTypeAsWrittenAndAsDuckDbReadsIt(String codec, PageVersion version, boolean dictionary)
      throws Exception {
    Schema schema = TestRows.allTypesSchema();
    List<Object[]> rows = TestRows.randomRows(schema, ROWS, new Random(codec.hashCode() * 17L + version.ordinal()));
    ParquetFormat format = ParquetFormat.builder()
        .codec(CompressionCodecs.byName(codec))
        .pageVersion(version)
        .dictionary(dictionary)
        .pageRowCountLimit(41)
        .pageSize(DataSize.ofKilobytes(2))
        .dictionaryPageSize(DataSize.ofKilobytes(1))
        .rowGroupSize(DataSize.ofKilobytes(64))
        .build();
    Path file = dir.resolve("t" + format.fileSuffix());
    TestRows.write(format, schema, rows, file);

    List<Object[]> read = PartitaReads.read(file);
    assertThat(PartitaReads.schema(file)).isEqualTo(schema);
    Readers.assertRows("partita (vs written)", schema, rows, read);
    Readers.assertRows("partita (vs duckdb)", schema, Readers.readWithDuckDb(file, schema), read);
    try (ParquetRowReader reader = ParquetRowReader.open(file)) {
      assertThat(reader.footer().rowGroups()).as("row groups").isGreaterThan(1);
      assertThat(reader.rowCount()).isEqualTo(ROWS);
    }
  }

  @Test
  void projectionReadsTheNamedColumnsInTheGivenOrder() throws Exception {
    Schema schema = TestRows.allTypesSchema();
    List<Object[]> rows = TestRows.randomRows(schema, 50, new Random(5));
    Path file = dir.resolve("p.parquet");
    TestRows.write(ParquetFormat.builder().build(), schema, rows, file);
    String a = schema.column(11).name();
    String b = schema.column(2).name();
    List<Object[]> read = PartitaReads.read(file, ParquetReadOptions.builder().columns(List.of(a, b)).build());
    assertThat(read).hasSize(50);
    for (int r = 0; r < rows.size(); r++) {
      assertThat(Readers.same(rows.get(r)[11], read.get(r)[0])).isTrue();
      assertThat(Readers.same(rows.get(r)[2], read.get(r)[1])).isTrue();
    }
    List<Object[]> none = PartitaReads.read(file, ParquetReadOptions.builder().columns(List.of()).build());
    assertThat(none).hasSize(50).allMatch(v -> v.length == 0);
    assertThatThrownBy(() -> PartitaReads.read(file, ParquetReadOptions.builder().columns(List.of("nope")).build()))
        .hasMessageContaining(file.toString()).hasMessageContaining("column 'nope'")
        .hasMessageContaining("the file has no such column");
  }

  @Test
  void emptyFileAndLifecycle() throws Exception {
    Schema schema = TestRows.allTypesSchema();
    Path file = dir.resolve("empty.parquet");
    TestRows.write(ParquetFormat.builder().build(), schema, List.of(), file);
    ParquetRowReader reader = ParquetRowReader.open(file);
    assertThat(reader.schema()).isEqualTo(schema);
    assertThat(reader.next()).isFalse();
    assertThat(reader.next()).isFalse();
    reader.close();
    reader.close();
    assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void aGetterOfTheWrongTypeFailsNamingTheColumn() throws Exception {
    Schema schema = Schema.builder().required("n", dev.partita.schema.DataType.int64()).build();
    Path file = dir.resolve("n.parquet");
    List<Object[]> one = new ArrayList<>();
    one.add(new Object[] {7L});
    TestRows.write(ParquetFormat.builder().build(), schema, one, file);
    try (ParquetRowReader reader = ParquetRowReader.open(file)) {
      assertThat(reader.next()).isTrue();
      assertThat(reader.row().getLong(0)).isEqualTo(7L);
      assertThat(reader.rowNumber()).isEqualTo(1);
      assertThatThrownBy(() -> reader.row().getInt(0)).hasMessageContaining("getInt does not read column 'n'");
    }
  }
}
