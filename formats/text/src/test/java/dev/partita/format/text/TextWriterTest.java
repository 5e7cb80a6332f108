package dev.partita.format.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.ColumnStats;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormats;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.row.InvalidRowException;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lifecycle, progress, statistics, options and providers of both text formats. */
class TextWriterTest {
  @TempDir
  Path dir;

  private static FileFormat format(String name, String codec) {
    return FileFormats.byName(name, Map.of("codec", codec));
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void lifecycleIsExplicit(String name) throws IOException {
    FileFormat f = format(name, "gzip");
    Path file = dir.resolve("a" + f.fileSuffix());
    FormatWriter w = f.open(TestRows.SCHEMA, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow row = new ObjectArrayRow(TestRows.SCHEMA);
    w.write(row.wrap(TestRows.rows(3, 1).get(2)));
    FileMetrics m = w.finish();
    assertThat(m.rows()).isEqualTo(1);
    assertThat(m.bytes()).isEqualTo(Files.size(file));
    assertThatThrownBy(() -> w.write(row)).isInstanceOf(IllegalStateException.class).hasMessageContaining("finished");
    assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::flush).isInstanceOf(IllegalStateException.class);
    w.abort(); // no-op after finish
    assertThat(Files.size(file)).isEqualTo(m.bytes());

    Path file2 = dir.resolve("b" + f.fileSuffix());
    FormatWriter w2 = f.open(TestRows.SCHEMA, LocalStorage.instance().create(file2.toString()));
    w2.write(row);
    w2.abort();
    w2.abort();
    assertThatThrownBy(() -> w2.write(row)).isInstanceOf(IllegalStateException.class).hasMessageContaining("abort");
    assertThatThrownBy(w2::finish).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip", "zstd"})
  void progressTracksTheChunkAndEstimatesTheFileSize(String codec) throws IOException {
    FileFormat f = FileFormats.byName("csv", Map.of("codec", codec, "chunk_size", "64KB"));
    Path file = dir.resolve("p" + f.fileSuffix());
    FormatWriter w = f.open(TestRows.SCHEMA, LocalStorage.instance().create(file.toString()));
    FormatProgress start = w.progress();
    assertThat(start.rows()).isZero();
    assertThat(start.bufferedBytes()).isEqualTo("id,b,i8,i16,i32,i64,f,d,dec,big,s,bin,date,t,ts,tstz\n".length());
    ObjectArrayRow row = new ObjectArrayRow(TestRows.SCHEMA);
    List<Object[]> rows = TestRows.rows(20_000, 3);
    long maxBuffered = 0;
    FormatProgress mid = null;
    for (int k = 0; k < rows.size(); k++) {
      w.write(row.wrap(rows.get(k)));
      FormatProgress p = w.progress();
      assertThat(p.rows()).isEqualTo(k + 1);
      maxBuffered = Math.max(maxBuffered, p.bufferedBytes());
      if (k == rows.size() / 2) {
        mid = p;
      }
    }
    // The chunk is written out once it reaches 64KB, so the buffer stays below 64KB plus one row.
    assertThat(maxBuffered).isBetween(60_000L, 65_536L + 2_000);
    FormatProgress beforeFlush = w.progress();
    w.flush();
    FormatProgress afterFlush = w.progress();
    assertThat(afterFlush.bufferedBytes()).isZero();
    assertThat(afterFlush.rows()).isEqualTo(rows.size());
    w.flush(); // nothing buffered: no-op
    assertThat(w.progress()).isEqualTo(afterFlush);
    FileMetrics m = w.finish();
    assertThat(m.bytes()).isEqualTo(Files.size(file));
    // Position after the flush is the whole file (bar an empty block); estimates made before were close.
    assertThat(afterFlush.estimatedFileSize()).isEqualTo(m.bytes());
    assertThat((double) beforeFlush.estimatedFileSize()).isCloseTo(m.bytes(), org.assertj.core.data.Percentage
        .withPercentage(codec.equals("none") ? 0 : 5));
    assertThat((double) mid.estimatedFileSize()).isCloseTo(m.bytes() / 2.0, org.assertj.core.data.Percentage
        .withPercentage(10));
    if (!codec.equals("none")) {
      // Mostly random numbers: compressible, though not by much.
      assertThat(m.bytes()).isLessThan(TextFiles.decompressed(file).length * 3L / 4);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void statisticsDescribeTheRows(String name) throws IOException {
    List<Object[]> rows = TestRows.rows(2000, 4);
    Path file = dir.resolve("s." + name);
    FileMetrics m = TextFiles.write(FileFormats.byName(name), TestRows.SCHEMA, rows, file);
    assertThat(m.columns()).hasSize(TestRows.SCHEMA.size());
    for (int i = 0; i < TestRows.SCHEMA.size(); i++) {
      final int col = i;
      ColumnStats s = m.columns().get(i);
      assertThat(s.column()).isEqualTo(TestRows.SCHEMA.column(i).name());
      assertThat(s.valueCount()).isEqualTo(rows.size());
      List<Object> present = rows.stream().map(r -> r[col]).filter(Objects::nonNull).map(v -> asRow(col, v))
          .toList();
      assertThat(s.nullCount()).isEqualTo(rows.size() - present.size());
      DataType.Kind kind = TestRows.SCHEMA.column(i).type().kind();
      if (kind == DataType.Kind.FLOAT32 || kind == DataType.Kind.FLOAT64) {
        // TestRows writes NaN into both float columns: no bounds.
        assertThat(s.min()).isEmpty();
        assertThat(s.max()).isEmpty();
        continue;
      }
      Comparator<Object> order = order(kind);
      Object min = present.stream().min(order).orElseThrow();
      Object max = present.stream().max(order).orElseThrow();
      if (kind == DataType.Kind.BINARY) {
        assertThat((byte[]) s.min().orElseThrow()).isEqualTo((byte[]) min);
        assertThat((byte[]) s.max().orElseThrow()).isEqualTo((byte[]) max);
      } else {
        assertThat(s.min()).as(s.column()).contains(min);
        assertThat(s.max()).as(s.column()).contains(max);
      }
    }
  }

  /** The Row representation of a test value, computed with java.time. */
  private static Object asRow(int col, Object v) {
    Object e = TestRows.expected(col, v);
    return switch (TestRows.SCHEMA.column(col).type().kind()) {
      case INT32, DATE -> ((Number) e).intValue();
      default -> e;
    };
  }

  @SuppressWarnings("unchecked")
  private static Comparator<Object> order(DataType.Kind kind) {
    return switch (kind) {
      case STRING -> Comparator.comparing(o -> ((String) o).getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);
      case BINARY -> (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      default -> (a, b) -> ((Comparable<Object>) a).compareTo(b);
    };
  }

  @Test
  void anOutOfRangeTimeIsRejectedBeforeAnythingIsWritten() throws IOException {
    Schema schema = Schema.builder().required("n", DataType.int32()).optional("t", DataType.time()).build();
    Path file = dir.resolve("t.csv");
    FormatWriter w = FileFormats.byName("csv").open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow row = new ObjectArrayRow(schema);
    w.write(row.wrap(new Object[] {1, 5L}));
    assertThatThrownBy(() -> w.write(row.wrap(new Object[] {2, 86_400_000_000L})))
        .isInstanceOf(InvalidRowException.class)
        .hasMessageContaining("column 't'")
        .hasMessageContaining("0..86399999999");
    w.write(row.wrap(new Object[] {3, null}));
    FileMetrics m = w.finish();
    assertThat(Files.readString(file)).isEqualTo("n,t\n1,00:00:00.000005\n3,\n");
    assertThat(m.rows()).isEqualTo(2);
    assertThat(m.columns().get(0).max()).contains(3);
  }

  @Test
  void providersBuildFromOptions() {
    assertThat(FileFormats.names()).contains("csv", "json");
    FileFormat csv = FileFormats.byName("csv", Map.of("codec", "zstd", "level", "7", "header", "false",
        "delimiter", "\\t", "quote", "'", "null", "\\N", "chunk_size", "1MB"));
    assertThat(csv).isInstanceOf(CsvFormat.class);
    CsvFormat c = (CsvFormat) csv;
    assertThat(c.header()).isFalse();
    assertThat(c.delimiter()).isEqualTo('\t');
    assertThat(c.quote()).isEqualTo('\'');
    assertThat(c.nullToken()).isEqualTo("\\N");
    assertThat(c.codec().name()).isEqualTo("zstd");
    assertThat(c.codec().level()).isEqualTo(OptionalInt.of(7));
    assertThat(c.chunkSize()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(c.fileSuffix()).isEqualTo(".csv.zst");
    assertThat(FileFormats.byName("csv").fileSuffix()).isEqualTo(".csv");
    assertThat(FileFormats.byName("csv", Map.of("codec", "gzip", "level", "9")).fileSuffix()).isEqualTo(".csv.gz");

    JsonLinesFormat j = (JsonLinesFormat) FileFormats.byName("json", Map.of("codec", "gzip", "null", "omit"));
    assertThat(j.writeNulls()).isFalse();
    assertThat(j.fileSuffix()).isEqualTo(".json.gz");
    assertThat(FileFormats.byName("json").fileSuffix()).isEqualTo(".json");
    assertThat(FileFormats.byName("json", Map.of("codec", "zstd")).fileSuffix()).isEqualTo(".json.zst");
  }

  @Test
  void badOptionsNameTheOptionAndTheChoices() {
    assertThatThrownBy(() -> FileFormats.byName("csv", Map.of("delim", ";")))
        .hasMessage("unknown csv option 'delim'; known options: chunk_size, codec, delimiter, header, level, null,"
            + " quote");
    assertThatThrownBy(() -> FileFormats.byName("json", Map.of("header", "true")))
        .hasMessage("unknown json option 'header'; known options: chunk_size, codec, level, null");
    for (String codec : new String[] {"snappy", "lz4_raw"}) {
      for (String format : new String[] {"csv", "json"}) {
        assertThatThrownBy(() -> FileFormats.byName(format, Map.of("codec", codec)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(format + " codec '" + codec + "' cannot be used for text files")
            .hasMessageContaining("use one of gzip, none, zstd");
      }
    }
    assertThatThrownBy(() -> FileFormats.byName("csv", Map.of("codec", "zstd", "level", "30")))
        .hasMessageContaining("zstd level must be in 1..22");
    assertThatThrownBy(() -> FileFormats.byName("csv", Map.of("level", "x")))
        .hasMessageContaining("level must be an integer");
    assertThatThrownBy(() -> FileFormats.byName("csv", Map.of("header", "yes")))
        .hasMessage("csv option header must be true or false, got 'yes'");
    assertThatThrownBy(() -> FileFormats.byName("csv", Map.of("delimiter", ";;")))
        .hasMessageContaining("csv option delimiter must be one character");
    assertThatThrownBy(() -> FileFormats.byName("json", Map.of("null", "skip")))
        .hasMessage("json option null must be write or omit, got 'skip'");
    assertThatThrownBy(() -> FileFormats.byName("csv", Map.of("chunk_size", "100")))
        .hasMessage("csv chunk_size must be in 1KB..256MB, got 100B");
  }

  @Test
  void builderRejectsAmbiguousDialects() {
    for (char c : new char[] {'\n', '\r', 'a', '7', '-', '.', ':', '+', '/', '='}) {
      assertThatThrownBy(() -> CsvFormat.builder().delimiter(c).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("csv delimiter must not be CR, LF, a letter, a digit");
      assertThatThrownBy(() -> CsvFormat.builder().quote(c).build())
          .hasMessageStartingWith("csv quote must not be");
    }
    assertThatThrownBy(() -> CsvFormat.builder().delimiter('"').build())
        .hasMessage("csv delimiter and quote must differ, both are '\"'");
    assertThatThrownBy(() -> CsvFormat.builder().quote(' ').build())
        .hasMessage("csv quote must not be a space or a tab");
    assertThatThrownBy(() -> CsvFormat.builder().nullToken("a,b").build())
        .hasMessageContaining("csv null token must not contain the delimiter");
    assertThatThrownBy(() -> CsvFormat.builder().codec(CompressionCodecs.byName("snappy")).build())
        .hasMessageContaining("use one of gzip, none, zstd");
    assertThatThrownBy(() -> JsonLinesFormat.builder().chunkSize(DataSize.ofMegabytes(300)).build())
        .hasMessage("json chunk_size must be in 1KB..256MB, got 300MB");
    assertThat(CsvFormat.builder().delimiter('§').quote('«').build().delimiter()).isEqualTo('§');
  }

  @Test
  void nonAsciiDelimiterAndQuoteAreWrittenAsUtf8() throws IOException {
    Schema schema = Schema.builder().optional("a", DataType.string()).optional("b", DataType.decimal(3, 1))
        .build();
    Path file = dir.resolve("u.csv");
    TextFiles.write(CsvFormat.builder().delimiter('§').quote('«').nullToken("1.5").build(), schema,
        List.of(new Object[] {"x§y«z", new BigDecimal("1.5")}, new Object[] {"1.5", null}), file);
    assertThat(Files.readString(file)).isEqualTo("a§b\n«x§y««z«§«1.5«\n«1.5«§1.5\n");
    List<List<Rfc4180.Field>> recs = Rfc4180.parse(Files.readString(file), '§', '«');
    assertThat(recs.get(1).get(0).text()).isEqualTo("x§y«z");
  }
}
