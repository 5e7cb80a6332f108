package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.DataSize;
import dev.partita.format.ColumnStats;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.storage.PositionOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.orc.ColumnStatistics;
import org.apache.orc.IntegerColumnStatistics;
import org.apache.orc.OrcProto;
import org.apache.orc.Reader;
import org.apache.orc.StripeInformation;
import org.apache.orc.StripeStatistics;
import org.apache.orc.impl.RecordReaderImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ends up in the file besides the values: stripes (forced by {@code flush()} and by a small stripe size),
 * file and stripe statistics, user metadata, bloom filters, encodings, compression block size and zstd level,
 * each checked from the file with orc-core's reader.
 */
class OrcFileStructureTest {
  @TempDir
  Path dir;

  private static final Schema SMALL = Schema.builder().required("id", DataType.int64())
      .optional("name", DataType.string()).optional("amount", DataType.float64()).optional("day", DataType.date())
      .build();

  private static Object[] smallRow(int i, Random r) {
    return new Object[] {(long) i, i % 9 == 0 ? null : "name-" + r.nextInt(50) + "-é",
        i % 13 == 0 ? null : r.nextGaussian(), 19_000 + i % 400};
  }

  @Test
  void flushEndsAStripeAndKeepsTheFileValid() throws Exception {
    Path file = dir.resolve("flush.orc");
    PositionOutputStream out = LocalStorage.instance().create(file.toString());
    FormatWriter w = OrcFormat.builder().batchSize(100).build().open(SMALL, out);
    ObjectArrayRow row = new ObjectArrayRow(SMALL);
    Random r = new Random(1);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      Object[] v = smallRow(i, r);
      rows.add(v);
      w.write(row.wrap(v));
      if ((i + 1) % 1000 == 0) {
        long before = w.progress().bufferedBytes();
        long onStream = out.position();
        w.flush();
        assertThat(w.progress().bufferedBytes()).isLessThan(before);
        assertThat(out.position()).isGreaterThan(onStream);
      }
    }
    long end = out.position();
    w.flush();
    assertThat(out.position()).as("flush with nothing buffered writes nothing").isEqualTo(end);
    FileMetrics metrics = w.finish();
    assertThat(metrics.bytes()).isEqualTo(Files.size(file));

    try (Reader reader = OrcReadBack.open(file)) {
      assertThat(reader.getStripes()).hasSize(5).allSatisfy(s -> assertThat(s.getNumberOfRows()).isEqualTo(1000));
      List<StripeStatistics> stripeStats = reader.getStripeStatistics();
      for (int s = 0; s < 5; s++) {
        IntegerColumnStatistics id = (IntegerColumnStatistics) stripeStats.get(s).getColumnStatistics()[1];
        assertThat(id.getMinimum()).isEqualTo(s * 1000L);
        assertThat(id.getMaximum()).isEqualTo(s * 1000L + 999);
      }
      IntegerColumnStatistics id = (IntegerColumnStatistics) reader.getStatistics()[1];
      assertThat(id.getMinimum()).isZero();
      assertThat(id.getMaximum()).isEqualTo(4999);
      assertThat(OrcReadBack.comparable(OrcReadBack.readAll(reader, SMALL)))
        .containsExactlyElementsOf(OrcReadBack.comparable(rows));
    }
  }

  @Test
  void smallStripeSizeMakesSeveralStripes() throws Exception {
    Path file = dir.resolve("stripes.orc");
    OrcFormat format = OrcFormat.builder().stripeSize(DataSize.ofKilobytes(64)).rowIndexStride(1000).build();
    Random r = new Random(2);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      Object[] v = smallRow(i, r);
      v[1] = Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
      rows.add(v);
    }
    OrcReadBack.write(format, SMALL, file, rows);
    try (Reader reader = OrcReadBack.open(file)) {
      assertThat(reader.getRowIndexStride()).isEqualTo(1000);
      assertThat(reader.getStripes()).hasSizeGreaterThan(3);
      assertThat(reader.getStripes().stream().mapToLong(StripeInformation::getNumberOfRows).sum()).isEqualTo(60_000);
      assertThat(OrcReadBack.comparable(OrcReadBack.readAll(reader, SMALL)))
        .containsExactlyElementsOf(OrcReadBack.comparable(rows));
    }
  }

  @Test
  void statisticsFromTheWriterMatchTheFileAndTheValues() throws Exception {
    List<Column> columns = new ArrayList<>();
    for (DataType t : TestValues.ALL_TYPES) {
      columns.add(Column.optional("c " + t, t));
    }
    columns.add(Column.required("all null? no: required", DataType.int32()));
    columns.add(Column.optional("only nulls", DataType.string()));
    Schema schema = Schema.of(columns);
    List<List<Object>> byColumn = new ArrayList<>();
    for (DataType t : TestValues.ALL_TYPES) {
      byColumn.add(TestValues.column(t, true, 2000, t.hashCode()));
    }
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Object[] v = new Object[schema.size()];
      for (int c = 0; c < byColumn.size(); c++) {
        v[c] = byColumn.get(c).get(i);
      }
      v[byColumn.size()] = i - 1000;
      rows.add(v);
    }
    Path file = dir.resolve("stats.orc");
    FormatWriter w = OrcFormat.defaults().open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow row = new ObjectArrayRow(schema);
    for (int i = 0; i < rows.size(); i++) {
      w.write(row.wrap(rows.get(i)));
      if (i == 700 || i == 1400) {
        w.flush();
      }
    }
    FileMetrics metrics = w.finish();

    try (Reader reader = OrcReadBack.open(file)) {
      assertThat(reader.getStripes()).hasSize(3);
      ColumnStatistics[] fileStats = reader.getStatistics();
      for (int c = 0; c < schema.size(); c++) {
        Column col = schema.column(c);
        ColumnStats ours = metrics.columns().get(c);
        ColumnStats fromFile = OrcStatistics.toColumnStats(col, fileStats[c + 1], 2000, ours.nullCount(), false);
        assertThat(ours).as(col.name()).isEqualTo(fromFile);
        assertThat(fileStats[c + 1].hasNull()).as(col.name()).isEqualTo(ours.nullCount() > 0);
        assertThat(fileStats[c + 1].getNumberOfValues()).as(col.name()).isEqualTo(2000 - ours.nullCount());
        if (c < byColumn.size()) {
          DataType t = col.type();
          List<Object> values = byColumn.get(c);
          assertThat(ours.nullCount()).isEqualTo(values.stream().filter(v -> v == null).count());
          if (t.kind() != DataType.Kind.BINARY) {
            assertThat(ours.min()).as(col.name()).isEqualTo(TestValues.min(t, values));
            assertThat(ours.max()).as(col.name()).isEqualTo(TestValues.max(t, values));
          }
        }
      }
      assertThat(metrics.columns().get(byColumn.size()))
          .isEqualTo(new ColumnStats("all null? no: required", 2000, 0, Optional.of(-1000), Optional.of(999)));
      assertThat(metrics.columns().get(byColumn.size() + 1))
          .isEqualTo(new ColumnStats("only nulls", 2000, 2000, Optional.empty(), Optional.empty()));
    }
  }

  @Test
  void nanLongStringsAndEmptyFilesLackBounds() throws Exception {
    Schema schema = Schema.builder().optional("f", DataType.float32()).optional("d", DataType.float64())
        .optional("s", DataType.string()).build();
    String longString = "x".repeat(3000);
    List<Object[]> rows = List.<Object[]>of(new Object[] {1f, 2d, "a"},
        new Object[] {Float.NaN, Double.NaN, longString}, new Object[] {3f, 4d, "b"});
    Path file = dir.resolve("nan.orc");
    FileMetrics m = OrcReadBack.write(OrcFormat.defaults(), schema, file, rows);
    assertThat(OrcReadBack.comparable(OrcReadBack.readAll(file, schema)))
        .containsExactlyElementsOf(OrcReadBack.comparable(rows));
    // A NaN makes ORC's float bounds meaningless; a string over 1024 bytes leaves ORC only a truncated maximum.
    assertThat(m.columns()).containsExactly(
        new ColumnStats("f", 3, 0, Optional.empty(), Optional.empty()),
        new ColumnStats("d", 3, 0, Optional.empty(), Optional.empty()),
        new ColumnStats("s", 3, 0, Optional.of("a"), Optional.empty()));

    Path empty = dir.resolve("empty.orc");
    FileMetrics e = OrcReadBack.write(OrcFormat.defaults(), schema, empty, List.of());
    assertThat(e.rows()).isZero();
    assertThat(e.bytes()).isEqualTo(Files.size(empty));
    assertThat(e.columns()).allSatisfy(s -> {
      assertThat(s.valueCount()).isZero();
      assertThat(s.min()).isEmpty();
    });
    try (Reader reader = OrcReadBack.open(empty)) {
      assertThat(reader.getNumberOfRows()).isZero();
      assertThat(reader.getSchema().getFieldNames()).containsExactly("f", "d", "s");
    }
  }

  @Test
  void userMetadataAndTimeColumnsAreInTheFooter() throws Exception {
    Schema schema = Schema.builder().optional("t \"quoted\"", DataType.time()).required("n", DataType.int32())
        .optional("at", DataType.time()).build();
    OrcFormat format = OrcFormat.builder().userMetadata("origin", "tests ü").userMetadata("empty", "").build();
    Path file = dir.resolve("meta.orc");
    List<Object[]> rows = List.<Object[]>of(new Object[] {1L, 1, 86_399_999_999L}, new Object[] {null, 2, 0L});
    OrcReadBack.write(format, schema, file, rows);
    try (Reader reader = OrcReadBack.open(file)) {
      assertThat(utf8(reader, "origin")).isEqualTo("tests ü");
      assertThat(utf8(reader, "empty")).isEmpty();
      assertThat(utf8(reader, OrcFormat.TIME_COLUMNS_KEY)).isEqualTo("[\"t \\\"quoted\\\"\",\"at\"]");
      assertThat(reader.getSchema().toString()).isEqualTo("struct<`t \"quoted\"`:bigint,n:int,at:bigint>");
      assertThat(OrcReadBack.comparable(OrcReadBack.readAll(reader, schema)))
        .containsExactlyElementsOf(OrcReadBack.comparable(rows));
    }
    Path plain = dir.resolve("plain.orc");
    OrcReadBack.write(OrcFormat.defaults(), SMALL, plain, List.<Object[]>of(smallRow(0, new Random(0))));
    try (Reader reader = OrcReadBack.open(plain)) {
      assertThat(reader.getMetadataKeys()).isEmpty();
    }
  }

  private static String utf8(Reader reader, String key) {
    var b = reader.getMetadataValue(key).duplicate();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void bloomFiltersOnlyOnTheNamedColumns() throws Exception {
    Path file = dir.resolve("bloom.orc");
    OrcFormat format = OrcFormat.builder().bloomFilterColumns("name", "day").bloomFilterFpp(0.05).build();
    writeSmall(format, file, 3000);
    try (Reader reader = OrcReadBack.open(file); RecordReaderImpl rr = (RecordReaderImpl) reader.rows()) {
      OrcProto.StripeFooter footer = rr.readStripeFooter(reader.getStripes().get(0));
      List<Integer> bloomColumns = footer.getStreamsList().stream()
          .filter(s -> s.getKind() == OrcProto.Stream.Kind.BLOOM_FILTER_UTF8).map(s -> s.getColumn()).toList();
      assertThat(bloomColumns).containsExactlyInAnyOrder(2, 4);
    }
    // A lower false-positive probability needs more bits.
    Path precise = dir.resolve("precise.orc");
    writeSmall(OrcFormat.builder().bloomFilterColumns("name", "day").bloomFilterFpp(0.0001).build(), precise, 3000);
    assertThat(bloomBytes(precise, 2)).isGreaterThan(bloomBytes(file, 2));
    Path none = dir.resolve("nobloom.orc");
    writeSmall(OrcFormat.defaults(), none, 3000);
    try (Reader reader = OrcReadBack.open(none); RecordReaderImpl rr = (RecordReaderImpl) reader.rows()) {
      assertThat(rr.readStripeFooter(reader.getStripes().get(0)).getStreamsList())
          .noneMatch(s -> s.getKind() == OrcProto.Stream.Kind.BLOOM_FILTER_UTF8);
    }
  }

  private static long bloomBytes(Path file, int column) throws Exception {
    try (Reader reader = OrcReadBack.open(file); RecordReaderImpl rr = (RecordReaderImpl) reader.rows()) {
      return rr.readStripeFooter(reader.getStripes().get(0)).getStreamsList().stream()
          .filter(s -> s.getKind() == OrcProto.Stream.Kind.BLOOM_FILTER_UTF8 && s.getColumn() == column)
          .mapToLong(OrcProto.Stream::getLength).sum();
    }
  }

  @Test
  void dictionaryThresholdChoosesTheStringEncoding() throws Exception {
    Path dictionary = dir.resolve("dict.orc");
    writeSmall(OrcFormat.builder().dictionaryKeySizeThreshold(1.0).build(), dictionary, 5000);
    Path direct = dir.resolve("direct.orc");
    writeSmall(OrcFormat.builder().dictionaryKeySizeThreshold(0.0).build(), direct, 5000);
    assertThat(nameEncoding(dictionary)).isEqualTo(OrcProto.ColumnEncoding.Kind.DICTIONARY_V2);
    assertThat(nameEncoding(direct)).isEqualTo(OrcProto.ColumnEncoding.Kind.DIRECT_V2);
  }

  private static OrcProto.ColumnEncoding.Kind nameEncoding(Path file) throws Exception {
    try (Reader reader = OrcReadBack.open(file); RecordReaderImpl rr = (RecordReaderImpl) reader.rows()) {
      return rr.readStripeFooter(reader.getStripes().get(0)).getColumns(2).getKind();
    }
  }

  @Test
  void compressionBlockSizeAndZstdLevelReachTheFile() throws Exception {
    Path small = dir.resolve("block.orc");
    writeSmall(OrcFormat.builder().compressionBlockSize(DataSize.ofKilobytes(8)).build(), small, 2000);
    try (Reader reader = OrcReadBack.open(small)) {
      assertThat(reader.getCompressionSize()).isEqualTo(8 * 1024);
    }
    Path fast = dir.resolve("fast.zstd.orc");
    Path strong = dir.resolve("strong.zstd.orc");
    long fastBytes = writeSmall(OrcFormat.builder().codec("zstd", 1).build(), fast, 40_000);
    long strongBytes = writeSmall(OrcFormat.builder().codec("zstd", 19).build(), strong, 40_000);
    assertThat(strongBytes).isLessThan(fastBytes);
    assertThat(OrcReadBack.comparable(OrcReadBack.readAll(strong, SMALL)))
        .containsExactlyElementsOf(OrcReadBack.comparable(OrcReadBack.readAll(fast, SMALL)));
  }

  private static long writeSmall(OrcFormat format, Path file, int n) throws Exception {
    Random r = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(smallRow(i, r));
    }
    return OrcReadBack.write(format, SMALL, file, rows).bytes();
  }
}
