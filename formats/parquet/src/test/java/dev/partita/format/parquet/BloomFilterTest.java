package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.apache.parquet.column.values.bloomfilter.BlockSplitBloomFilter;
import org.apache.parquet.column.values.bloomfilter.BloomFilter;
import org.apache.parquet.format.BloomFilterHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Split-block bloom filters per column chunk, as parquet-java and DuckDB probe them. */
class BloomFilterTest {
  private static final int ROWS_PER_GROUP = 10_000;
  private static final Schema SCHEMA = Schema.builder()
      .required("id", DataType.int64())
      .optional("name", DataType.string())
      .required("price", DataType.decimal(20, 2))
      .required("score", DataType.float64())
      .required("code", DataType.int32())
      .required("plain", DataType.int32())
      .build();

  @TempDir
  Path dir;

  private static Object[] row(int i) {
    return new Object[] {i * 7L, i % 11 == 0 ? null : "name-" + i, BigDecimal.valueOf(i * 13L, 2), i * 0.5,
        i * 3, i};
  }

  private static Object[] absentRow(int i) {
    return new Object[] {i * 7L + 1, "absent-" + i, BigDecimal.valueOf(i * 13L + 1, 2), i * 0.5 + 0.25, i * 3 + 1,
        i};
  }

  /**
   * Two row groups of 10,000 rows. Every value written is found in its chunk's filter; of 10,000 absent values
   * most are rejected (target 1%, accepted up to 3%); columns without a filter have none. Without a
   * distinct-value hint the filter folds down to a size fitting 10,000 values instead of the 1MB maximum.
   */
  @ParameterizedTest(name = "ndv hint {0}")
  @ValueSource(longs = {0, 10_000})
  void parquetJavaFindsPresentValuesAndRejectsMostAbsentOnes(long ndv) throws Exception {
    ParquetFormat.Builder b = ParquetFormat.builder().codec(CompressionCodecs.byName("zstd"))
        .bloomFilterColumns(Set.of("id", "name", "price", "score", "code")).bloomFilterFpp(0.01);
    if (ndv > 0) {
      b.bloomFilterNdv(ndv);
    }
    Path file = dir.resolve("bloom.parquet");
    FormatWriter w = b.build().open(SCHEMA, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow adapter = new ObjectArrayRow(SCHEMA);
    for (int i = 0; i < 2 * ROWS_PER_GROUP; i++) {
      w.write(adapter.wrap(row(i)));
      if (i == ROWS_PER_GROUP - 1) {
        w.flush();
      }
    }
    w.finish();

    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      assertThat(reader.getFooter().getBlocks()).hasSize(2);
      for (int g = 0; g < 2; g++) {
        BlockMetaData block = reader.getFooter().getBlocks().get(g);
        for (int c = 0; c < 5; c++) {
          ColumnChunkMetaData chunk = block.getColumns().get(c);
          BloomFilter filter = reader.readBloomFilter(chunk);
          assertThat(filter).as("filter of %s", chunk.getPath()).isNotNull();
          assertThat(chunk.getBloomFilterLength()).isLessThan(64 * 1024).isGreaterThan(8 * 1024);
          int falsePositives = 0;
          for (int i = g * ROWS_PER_GROUP; i < (g + 1) * ROWS_PER_GROUP; i++) {
            Object present = row(i)[c];
            if (present != null) {
              assertThat(filter.findHash(hash(filter, present, c))).as("%s of row %d", chunk.getPath(), i)
                  .isTrue();
            }
            if (filter.findHash(hash(filter, absentRow(i)[c], c))) {
              falsePositives++;
            }
          }
          assertThat(falsePositives).as("false positives of %s", chunk.getPath()).isLessThan(300);
        }
        assertThat(reader.readBloomFilter(block.getColumns().get(5))).isNull();
        assertThat(block.getColumns().get(5).getBloomFilterOffset()).isEqualTo(-1);
      }
    }

    // DuckDB probes the filters with its own hashing: a present value is never excluded from its row group, an
    // absent one is excluded from both (with high probability; these values were chosen to be rejected).
    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement()) {
      assertNotExcluded(st, file, "id", "70", 0);
      assertNotExcluded(st, file, "name", "'name-10001'", 1);
      assertNotExcluded(st, file, "code", "15", 0);
      assertNotExcluded(st, file, "score", "7000.5", 1);
      int excluded = 0;
      for (int i = 0; i < 50; i++) {
        try (ResultSet rs = st.executeQuery("SELECT bool_and(bloom_filter_excludes) FROM parquet_bloom_probe('"
            + file + "', 'id', " + (i * 7L + 1) + ")")) {
          rs.next();
          excluded += rs.getBoolean(1) ? 1 : 0;
        }
      }
      assertThat(excluded).isGreaterThan(45);
    }
  }

  private static void assertNotExcluded(Statement st, Path file, String column, String value, int rowGroup)
      throws Exception {
    try (ResultSet rs = st.executeQuery("SELECT bloom_filter_excludes FROM parquet_bloom_probe('" + file + "', '"
        + column + "', " + value + ") WHERE row_group_id = " + rowGroup)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).as("%s=%s excluded from row group %d", column, value, rowGroup).isFalse();
    }
  }

  /** The hash parquet-java computes for a value as stored: plain-encoded physical value. */
  private static long hash(BloomFilter filter, Object v, int column) {
    return switch (column) {
      case 0 -> filter.hash((long) (Long) v);
      case 1 -> filter.hash(Binary.fromString((String) v));
      case 2 -> filter.hash(Binary.fromConstantByteArray(fixed(((BigDecimal) v).unscaledValue().toByteArray())));
      case 3 -> filter.hash((double) (Double) v);
      default -> filter.hash((int) (Integer) v);
    };
  }

  private static byte[] fixed(byte[] minimal) {
    byte[] out = new byte[ParquetSchema.decimalLength(20)];
    Arrays.fill(out, 0, out.length - minimal.length, minimal[0] < 0 ? (byte) -1 : 0);
    System.arraycopy(minimal, 0, out, out.length - minimal.length, minimal.length);
    return out;
  }

  /** The byte-range XXH64 agrees with the hash parquet-java uses for binary values. */
  @Test
  void xxHashMatchesParquetJava() {
    BlockSplitBloomFilter reference = new BlockSplitBloomFilter(1024);
    Random r = new Random(11);
    for (int len = 0; len < 200; len++) {
      byte[] b = new byte[len + 5];
      r.nextBytes(b);
      assertThat(XxHash64.hash(b, 3, len)).as("length %d", len)
          .isEqualTo(reference.hash(Binary.fromConstantByteArray(Arrays.copyOfRange(b, 3, 3 + len))));
    }
    byte[] s = "héllo wörld, a somewhat longer string of more than 32 bytes".getBytes(StandardCharsets.UTF_8);
    assertThat(XxHash64.hash(s, 0, s.length)).isEqualTo(reference.hash(Binary.fromConstantByteArray(s)));
  }

  /** A filter folded from the maximum size is bit for bit the filter built at the folded size. */
  @Test
  void foldedFilterEqualsFilterBuiltAtThatSize() throws Exception {
    ChunkBloomFilter adaptive = new ChunkBloomFilter(0.01, OptionalLong.empty(), 1024 * 1024);
    Random r = new Random(5);
    long[] values = r.longs(3000).toArray();
    for (long v : values) {
      adaptive.insertLong(v);
    }
    ScratchBuffer out = new ScratchBuffer(16);
    adaptive.writeTo(out);
    ByteArrayInputStream in = new ByteArrayInputStream(out.array(), 0, out.size());
    BloomFilterHeader header = Util.readBloomFilterHeader(in);
    byte[] bitset = in.readAllBytes();
    assertThat(bitset).hasSize(header.getNumBytes());
    assertThat(header.getNumBytes()).isEqualTo(4096); // 3000 values at 1% need ~28,800 bits: 4KB
    BlockSplitBloomFilter direct = new BlockSplitBloomFilter(header.getNumBytes());
    for (long v : values) {
      direct.insertHash(direct.hash(v));
    }
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    direct.writeTo(expected);
    assertThat(bitset).isEqualTo(expected.toByteArray());
  }

  /** Bloom filter columns must exist and must not be boolean. */
  @Test
  void bloomFilterColumnsAreCheckedAgainstTheSchema() {
    ParquetFormat missing = ParquetFormat.builder().codec(CompressionCodecs.none())
        .bloomFilterColumns(Set.of("nope")).build();
    assertThatThrownBy(() -> missing.open(SCHEMA, LocalStorage.instance().create(dir.resolve("x").toString())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
    Schema withBoolean = Schema.builder().required("flag", DataType.bool()).build();
    ParquetFormat bool = ParquetFormat.builder().codec(CompressionCodecs.none())
        .bloomFilterColumns(Set.of("flag")).build();
    assertThatThrownBy(() -> bool.open(withBoolean, LocalStorage.instance().create(dir.resolve("y").toString())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boolean column 'flag'");
  }
}
