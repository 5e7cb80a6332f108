package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileMetrics;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type, required and nullable, through every codec, both page versions, with and without dictionaries:
 * parquet-java and DuckDB read back exactly the values written. Pages are kept small (37 rows, 1KB) so that every
 * column chunk has several pages, and the dictionary page size is 1KB so that chunks of varied values fall back
 * from dictionary to plain encoding midway.
 */
class ParquetRoundTripTest {
  static final List<String> CODECS = List.of("none", "gzip", "snappy", "zstd", "lz4_raw");
  private static final int ROWS = 300;

  @TempDir
  Path dir;

  static Stream<Arguments> variants() {
    List<Arguments> out = new ArrayList<>();
    for (String codec : CODECS) {
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
  void valuesReadBackEqualByParquetJavaAndDuckDb(String codec, PageVersion version, boolean dictionary)
      throws Exception {
    Schema schema = TestRows.allTypesSchema();
    List<Object[]> rows = TestRows.randomRows(schema, ROWS, new Random(codec.hashCode() * 31L + version.ordinal()));
    ParquetFormat format = ParquetFormat.builder()
        .codec(CompressionCodecs.byName(codec))
        .pageVersion(version)
        .dictionary(dictionary)
        .pageRowCountLimit(37)
        .pageSize(DataSize.ofKilobytes(1))
        .dictionaryPageSize(DataSize.ofKilobytes(1))
        .build();
    Path file = dir.resolve("t" + format.fileSuffix());
    FileMetrics metrics = TestRows.write(format, schema, rows, file);

    assertThat(metrics.rows()).isEqualTo(ROWS);
    assertThat(metrics.bytes()).isEqualTo(java.nio.file.Files.size(file));
    Readers.assertRows("parquet-java", schema, rows, Readers.readWithParquetJava(file, schema));
    Readers.assertRows("duckdb", schema, rows, Readers.readWithDuckDb(file, schema));

    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          assertThat(chunk.getCodec().name()).isEqualTo(ParquetCodecs.thriftCodec(codec).name());
          if (chunk.getPrimitiveType().getPrimitiveTypeName()
              != org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN) {
            // Small pages: every non-boolean chunk of 300 rows spans several pages.
            assertThat(reader.readOffsetIndex(chunk).getPageCount()).as("pages of %s", chunk.getPath())
                .isGreaterThan(1);
          }
          boolean dictionaryUsed = chunk.getEncodings().stream().anyMatch(Encoding::usesDictionary);
          assertThat(chunk.hasDictionaryPage()).isEqualTo(dictionaryUsed);
          if (!dictionary) {
            assertThat(dictionaryUsed).as("dictionary in %s", chunk.getPath()).isFalse();
          }
        }
      }
      if (dictionary) {
        assertThat(reader.getFooter().getBlocks().get(0).getColumns()).anyMatch(ColumnChunkMetaData::hasDictionaryPage);
      }
    }
  }

  /** DuckDB sees the logical types the format maps Partita types to. */
  @Test
  void duckDbSeesTheMappedTypes() throws Exception {
    Schema schema = TestRows.allTypesSchema();
    Path file = dir.resolve("types.parquet");
    TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none()).build(), schema,
        TestRows.randomRows(schema, 10, new Random(1)), file);
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> nullability = new LinkedHashMap<>();
    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + Readers.readParquet(file))) {
      while (rs.next()) {
        types.put(rs.getString("column_name"), rs.getString("column_type"));
      }
    }
    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT name, repetition_type, logical_type FROM parquet_schema("
            + Readers.readParquet(file).substring("read_parquet(".length()))) {
      while (rs.next()) {
        nullability.put(rs.getString(1), rs.getString(2));
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("boolean", "BOOLEAN");
    expected.put("int8", "TINYINT");
    expected.put("int16", "SMALLINT");
    expected.put("int32", "INTEGER");
    expected.put("int64", "BIGINT");
    expected.put("float", "FLOAT");
    expected.put("double", "DOUBLE");
    expected.put("decimal(9,2)", "DECIMAL(9,2)");
    expected.put("decimal(18,4)", "DECIMAL(18,4)");
    expected.put("decimal(38,10)", "DECIMAL(38,10)");
    expected.put("decimal(20,0)", "DECIMAL(20,0)");
    expected.put("string", "VARCHAR");
    expected.put("binary", "BLOB");
    expected.put("date", "DATE");
    expected.put("time", "TIME");
    expected.put("timestamp", "TIMESTAMP");
    expected.put("timestamptz", "TIMESTAMP WITH TIME ZONE");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(types).containsEntry(e.getKey() + " req", e.getValue()).containsEntry(e.getKey() + " opt",
          e.getValue());
      assertThat(nullability).containsEntry(e.getKey() + " req", "REQUIRED").containsEntry(e.getKey() + " opt",
          "OPTIONAL");
    }
  }
}
