package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Partita's dictionary encoding and its decisions per column chunk, checked with parquet-java's footer reader (which
 * encodings each chunk used, whether it has a dictionary page) and with the values parquet-java and DuckDB read back.
 */
class DictionaryEncodingTest {
  private static final int ROWS = 30_000;

  @TempDir
  Path dir;

  private static Schema schema() {
    return Schema.builder()
        .required("few longs", DataType.int64())
        .required("unique longs", DataType.int64())
        .required("mid longs", DataType.int64())
        .optional("few strings", DataType.string())
        .required("unique strings", DataType.string())
        .optional("few doubles", DataType.float64())
        .required("few ints", DataType.int32())
        .required("few floats", DataType.float32())
        .optional("few wide decimals", DataType.decimal(38, 2))
        .required("growing strings", DataType.string())
        .build();
  }

  private static List<Object[]> rows() {
    Random r = new Random(42);
    double[] doubles = {0.0, -0.0, Double.NaN, 1.5, -7.25, Double.MAX_VALUE, Double.MIN_VALUE};
    float[] floats = {0f, -0f, Float.NaN, 3.25f, Float.NEGATIVE_INFINITY};
    String[] strings = {"", "a", "ü-ñ-😀", "product-17", "x".repeat(300)};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(new Object[] {
          (long) r.nextInt(10),
          i * 7_919L - 1_000_000_000_000L,
          (long) r.nextInt(3_000) * 1_000_003L,
          r.nextInt(5) == 0 ? null : strings[r.nextInt(strings.length)],
          "cust-" + Long.toHexString(r.nextLong()),
          r.nextInt(4) == 0 ? null : doubles[r.nextInt(doubles.length)],
          r.nextInt(3) - 1,
          floats[r.nextInt(floats.length)],
          r.nextInt(4) == 0 ? null : new BigDecimal("12345678901234567890123456789012." + r.nextInt(10) + "5"),
          // Repeats at first, then ever more new values: the dictionary outgrows its page midway.
          "v" + (i < ROWS / 3 ? r.nextInt(50) : i),
      });
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(PageVersion.class)
  void eachColumnGetsTheEncodingThatPaysAndValuesReadBack(PageVersion version) throws Exception {
    Schema schema = schema();
    List<Object[]> rows = rows();
    ParquetFormat format = ParquetFormat.builder()
        .codec(CompressionCodecs.byName("snappy"))
        .pageVersion(version)
        .pageRowCountLimit(5_000)
        .dictionaryPageSize(DataSize.ofKilobytes(64))
        .build();
    Path file = dir.resolve("d-" + version + ".parquet");
    TestRows.write(format, schema, rows, file);
    Readers.assertRows("parquet-java", schema, rows, Readers.readWithParquetJava(file, schema));
    Readers.assertRows("duckdb", schema, rows, Readers.readWithDuckDb(file, schema));

    Map<String, Set<Encoding>> encodings = new LinkedHashMap<>();
    Map<String, Boolean> dictionaryPages = new LinkedHashMap<>();
    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      assertThat(reader.getFooter().getBlocks()).hasSize(1);
      BlockMetaData block = reader.getFooter().getBlocks().get(0);
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        String name = chunk.getPath().toDotString();
        encodings.put(name, new TreeSet<>(chunk.getEncodings()));
        dictionaryPages.put(name, chunk.hasDictionaryPage());
      }
    }
    Encoding dictionaryData = version == PageVersion.V1 ? Encoding.PLAIN_DICTIONARY : Encoding.RLE_DICTIONARY;
    for (String few : List.of("few longs", "mid longs", "few strings", "few doubles", "few ints", "few floats")) {
      assertThat(dictionaryPages.get(few)).as("dictionary page of %s", few).isTrue();
      assertThat(encodings.get(few)).as("encodings of %s", few).contains(dictionaryData);
    }
    // Fixed-length values have a dictionary only with V2 pages, as in parquet-java.
    assertThat(dictionaryPages.get("few wide decimals")).isEqualTo(version == PageVersion.V2);
    // Nearly all distinct: given up after the first values, so no dictionary page at all.
    for (String unique : List.of("unique longs", "unique strings")) {
      assertThat(dictionaryPages.get(unique)).as("dictionary page of %s", unique).isFalse();
      assertThat(encodings.get(unique)).as("encodings of %s", unique).noneMatch(Encoding::usesDictionary);
    }
    // Dictionary pages first, then the fall-back encoding once the dictionary outgrew 64KB.
    assertThat(dictionaryPages.get("growing strings")).isTrue();
    assertThat(encodings.get("growing strings")).contains(dictionaryData)
        .contains(version == PageVersion.V1 ? Encoding.PLAIN : Encoding.DELTA_BYTE_ARRAY);
  }

  @ParameterizedTest
  @EnumSource(PageVersion.class)
  void sizesStayCloseToParquetJavasDefaultEncodingChoice(PageVersion version) throws Exception {
    // The same rows with the dictionary off: every column Partita kept a dictionary for is smaller with it (less
    // than half the plain size with V1 pages; V2's fall-back is delta encoding, itself compact for small numbers).
    Schema schema = schema();
    List<Object[]> rows = rows();
    Path with = dir.resolve("with.parquet");
    Path without = dir.resolve("without.parquet");
    TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none()).pageVersion(version).build(), schema,
        rows, with);
    TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none()).pageVersion(version).dictionary(false)
        .build(), schema, rows, without);
    Map<String, Long> sizeWith = chunkSizes(with);
    Map<String, Long> sizeWithout = chunkSizes(without);
    for (String few : List.of("few longs", "mid longs", "few strings", "few doubles", "few ints")) {
      assertThat(sizeWith.get(few)).as("%s with a dictionary vs without", few)
          .isLessThan(version == PageVersion.V1 ? sizeWithout.get(few) / 2 : sizeWithout.get(few));
    }
    for (String unique : List.of("unique longs", "unique strings")) {
      assertThat(sizeWith.get(unique)).as(unique).isEqualTo(sizeWithout.get(unique));
    }
  }

  private static Map<String, Long> chunkSizes(Path file) throws Exception {
    Map<String, Long> sizes = new LinkedHashMap<>();
    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      for (ColumnChunkMetaData chunk : reader.getFooter().getBlocks().get(0).getColumns()) {
        sizes.put(chunk.getPath().toDotString(), chunk.getTotalSize());
      }
    }
    return sizes;
  }
}
