package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.format.parquet.read.ParquetReadException;
import dev.partita.format.parquet.read.ParquetReadOptions;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Partita's reader over files parquet-java writes with what older engines (Hive, Spark, Impala) use: INT96
 * timestamps, legacy converted types only (UTF8, ENUM, DATE, TIMESTAMP_MILLIS / MICROS, TIME_MILLIS, UINT_8,
 * DECIMAL on INT32, INT64, FIXED_LEN_BYTE_ARRAY and BINARY), TIMESTAMP(NANOS) and FLOAT16 logical types; pages V1
 * and V2 with and without dictionaries, every codec. Values must equal those written and, for the types DuckDB
 * reads, what DuckDB reads.
 */
class ParquetJavaWrittenFilesTest {
  private static final int ROWS = 3000;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final MessageType LEGACY = MessageTypeParser.parseMessageType("message legacy {"
      + " required int64 id;"
      + " optional int96 ts96;"
      + " optional binary s (UTF8);"
      + " optional binary e (ENUM);"
      + " optional int32 d (DATE);"
      + " optional int64 tms (TIMESTAMP_MILLIS);"
      + " optional int64 tus (TIMESTAMP_MICROS);"
      + " optional int32 tmil (TIME_MILLIS);"
      + " optional int32 u8 (UINT_8);"
      + " optional int32 dec32 (DECIMAL(9,2));"
      + " optional int64 dec64 (DECIMAL(18,4));"
      + " optional fixed_len_byte_array(12) decf (DECIMAL(25,3));"
      + " optional binary decb (DECIMAL(30,6));"
      + " optional boolean b;"
      + " optional float f;"
      + " optional double g;"
      + "}");
  private static final MessageType MODERN = MessageTypeParser.parseMessageType("message modern {"
      + " required int64 id;"
      + " optional int64 tns (TIMESTAMP(NANOS,false));"
      + " optional int64 tnsz (TIMESTAMP(NANOS,true));"
      + " optional int64 timens (TIME(NANOS,false));"
      + " optional fixed_len_byte_array(2) half (FLOAT16);"
      + "}");

  @TempDir
  Path dir;

  static Stream<Arguments> variants() {
    List<Arguments> out = new ArrayList<>();
    for (CompressionCodecName codec : new CompressionCodecName[] {CompressionCodecName.UNCOMPRESSED,
        CompressionCodecName.SNAPPY, CompressionCodecName.GZIP, CompressionCodecName.ZSTD,
        CompressionCodecName.LZ4_RAW}) {
      out.add(Arguments.of(codec, ParquetProperties.WriterVersion.PARQUET_1_0, true));
      out.add(Arguments.of(codec, ParquetProperties.WriterVersion.PARQUET_2_0, codec.ordinal() % 2 == 0));
    }
    return out.stream();
  }

  private static ParquetWriter<Group> writer(Path file, MessageType type, CompressionCodecName codec,
      ParquetProperties.WriterVersion version, boolean dictionary) throws IOException {
    Configuration conf = new Configuration(false);
    return ExampleParquetWriter.builder(HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))
        .withConf(conf).withType(type).withCompressionCodec(codec).withWriterVersion(version)
        .withDictionaryEncoding(dictionary).withPageSize(4096).withPageRowCountLimit(200).withRowGroupSize(64 * 1024L)
        .build();
  }

  /** The expected Partita values of row {@code i} of the legacy file, null where the row is null. */
  private static Object[] legacyRow(int i, Random r) {
    boolean nulls = i % 9 == 4;
    long micros = (r.nextLong() % (200L * 365 * MICROS_PER_DAY));
    int decimalBytes = 12;
    BigInteger big = new BigInteger(decimalBytes * 8 - 2, r);
    return new Object[] {
        (long) i,
        nulls ? null : micros,
        nulls ? null : "text " + i + " ünïcødé 中文 " + "z".repeat(i % 13),
        i % 4 == 0 ? "RED" : "GREEN",
        nulls ? null : (int) Math.floorDiv(micros, MICROS_PER_DAY),
        nulls ? null : Math.floorDiv(micros, 1000L) * 1000L,
        nulls ? null : micros,
        nulls ? null : (long) r.nextInt(86_400_000) * 1000L,
        nulls ? null : r.nextInt(256),
        nulls ? null : BigDecimal.valueOf(r.nextInt(2_000_000_000) - 1_000_000_000L, 2),
        nulls ? null : BigDecimal.valueOf(r.nextLong() % 1_000_000_000_000_000_000L, 4),
        nulls ? null : new BigDecimal(r.nextBoolean() ? big : big.negate(), 3),
        nulls ? null : new BigDecimal(new BigInteger(90, r).subtract(BigInteger.ONE.shiftLeft(89)), 6),
        nulls ? null : r.nextBoolean(),
        nulls ? null : (float) r.nextGaussian(),
        nulls ? null : r.nextDouble() * 1e6 - 5e5};
  }

  private static Group legacyGroup(SimpleGroupFactory f, Object[] v) {
    Group g = f.newGroup().append("id", (long) v[0]);
    if (v[1] != null) {
      long micros = (long) v[1];
      ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      b.putLong(Math.floorMod(micros, MICROS_PER_DAY) * 1000L).putInt((int) (Math.floorDiv(micros, MICROS_PER_DAY)
          + 2_440_588L));
      g.append("ts96", Binary.fromConstantByteArray(b.array()));
    }
    if (v[2] != null) {
      g.append("s", (String) v[2]);
    }
    g.append("e", (String) v[3]);
    if (v[4] != null) {
      g.append("d", (int) v[4]).append("tms", (long) v[5] / 1000L).append("tus", (long) v[6])
          .append("tmil", (int) ((long) v[7] / 1000L)).append("u8", (int) v[8])
          .append("dec32", ((BigDecimal) v[9]).unscaledValue().intValueExact())
          .append("dec64", ((BigDecimal) v[10]).unscaledValue().longValueExact())
          .append("decf", Binary.fromConstantByteArray(fixed(((BigDecimal) v[11]).unscaledValue(), 12)))
          .append("decb", Binary.fromConstantByteArray(((BigDecimal) v[12]).unscaledValue().toByteArray()))
          .append("b", (boolean) v[13]).append("f", (float) v[14]).append("g", (double) v[15]);
    }
    return g;
  }

  private static byte[] fixed(BigInteger unscaled, int length) {
    byte[] minimal = unscaled.toByteArray();
    byte[] out = new byte[length];
    Arrays.fill(out, unscaled.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
    return out;
  }

  @ParameterizedTest(name = "{0} {1} dictionary={2}")
  @MethodSource("variants")
  void readsLegacyTypesAsWrittenAndAsDuckDbReadsThem(CompressionCodecName codec,
      ParquetProperties.WriterVersion version, boolean dictionary) throws Exception {
    Path file = dir.resolve("legacy-" + codec + "-" + version + ".parquet");
    List<Object[]> expected = new ArrayList<>();
    Random r = new Random(codec.ordinal() * 7L + version.ordinal());
    SimpleGroupFactory f = new SimpleGroupFactory(LEGACY);
    try (ParquetWriter<Group> w = writer(file, LEGACY, codec, version, dictionary)) {
      for (int i = 0; i < ROWS; i++) {
        Object[] v = legacyRow(i, r);
        expected.add(v);
        w.write(legacyGroup(f, v));
      }
    }
    Schema schema = PartitaReads.schema(file);
    assertThat(schema.columns().stream().map(c -> c.name() + " " + c.type()).toList()).containsExactly(
        "id int64", "ts96 timestamp", "s string", "e string", "d date", "tms timestamptz", "tus timestamptz",
        "tmil time", "u8 int16", "dec32 decimal(9,2)", "dec64 decimal(18,4)", "decf decimal(25,3)",
        "decb decimal(30,6)", "b boolean", "f float", "g double");
    List<Object[]> read = PartitaReads.read(file);
    Readers.assertRows("partita vs written", schema, expected, read);
    Readers.assertRows("partita vs duckdb", schema, Readers.readWithDuckDb(file, schema), read);
  }

  @Test
  void readsNanosecondTimesAndHalfFloats() throws Exception {
    Path file = dir.resolve("modern.parquet");
    SimpleGroupFactory f = new SimpleGroupFactory(MODERN);
    List<Object[]> expected = new ArrayList<>();
    Random r = new Random(11);
    try (ParquetWriter<Group> w = writer(file, MODERN, CompressionCodecName.ZSTD,
        ParquetProperties.WriterVersion.PARQUET_2_0, true)) {
      for (int i = 0; i < 1000; i++) {
        long nanos = r.nextLong() / 4;
        long timeNanos = Math.floorMod(r.nextLong(), MICROS_PER_DAY * 1000L);
        short half = (short) r.nextInt(1 << 16);
        w.write(f.newGroup().append("id", (long) i).append("tns", nanos).append("tnsz", -nanos)
            .append("timens", timeNanos).append("half", Binary.fromConstantByteArray(new byte[] {(byte) half,
                (byte) (half >> 8)})));
        expected.add(new Object[] {(long) i, Math.floorDiv(nanos, 1000L), Math.floorDiv(-nanos, 1000L),
            Math.floorDiv(timeNanos, 1000L), halfToFloat(half)});
      }
    }
    Schema schema = PartitaReads.schema(file);
    assertThat(schema.columns().stream().map(c -> c.name() + " " + c.type()).toList()).containsExactly(
        "id int64", "tns timestamp", "tnsz timestamptz", "timens time", "half float");
    Readers.assertRows("partita vs written", schema, expected, PartitaReads.read(file));
  }

  /** IEEE half precision by its definition: (-1)^s * 2^(e-15) * (1 + m/1024), subnormals 2^-14 * m/1024. */
  private static float halfToFloat(short bits) {
    int s = (bits >> 15) & 1;
    int e = (bits >> 10) & 0x1f;
    int m = bits & 0x3ff;
    double v = e == 0 ? Math.scalb(m / 1024.0, -14) : e == 31 ? (m == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
        : Math.scalb(1 + m / 1024.0, e - 15);
    return (float) (s == 1 ? -v : v);
  }

  @Test
  void hadoopLz4FailsNamingFileColumnAndWhatToDo() throws Exception {
    Path file = dir.resolve("hadoop-lz4.parquet");
    MessageType type = MessageTypeParser.parseMessageType("message m { required int64 n; }");
    SimpleGroupFactory f = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> w = writer(file, type, CompressionCodecName.LZ4,
        ParquetProperties.WriterVersion.PARQUET_1_0, false)) {
      for (long i = 0; i < 10; i++) {
        w.write(f.newGroup().append("n", i));
      }
    }
    assertThatThrownBy(() -> PartitaReads.read(file)).isInstanceOf(ParquetReadException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("column 'n'")
        .hasMessageContaining("Hadoop's framed lz4").hasMessageContaining("rewrite the file with lz4_raw");
  }

  @Test
  void aCorruptPageFailsItsChecksum() throws Exception {
    Path file = dir.resolve("crc.parquet");
    MessageType type = MessageTypeParser.parseMessageType("message m { required binary s (UTF8); }");
    SimpleGroupFactory f = new SimpleGroupFactory(type);
    Configuration conf = new Configuration(false);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), conf)).withConf(conf).withType(type)
        .withPageWriteChecksumEnabled(true).withDictionaryEncoding(false).build()) {
      for (int i = 0; i < 100; i++) {
        w.write(f.newGroup().append("s", "value-" + i));
      }
    }
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("value-50");
    bytes[at + 6] = '9';
    java.nio.file.Files.write(file, bytes);
    assertThatThrownBy(() -> PartitaReads.read(file)).isInstanceOf(ParquetReadException.class)
        .hasMessageContaining("column 's'").hasMessageContaining("CRC32 does not match");
    List<Object[]> unchecked = PartitaReads.read(file, ParquetReadOptions.builder().verifyChecksums(false).build());
    assertThat(unchecked.get(50)[0]).isEqualTo("value-90");
  }
}
