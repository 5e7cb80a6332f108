package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.storage.PositionOutputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row groups closed by flush() and by size, progress(), and the writer's lifecycle. */
class RowGroupAndLifecycleTest {
  private static final Schema SCHEMA = Schema.builder()
      .required("id", DataType.int64())
      .optional("label", DataType.string())
      .required("value", DataType.float64())
      .build();

  @TempDir
  Path dir;

  private static Object[] row(long i) {
    return new Object[] {i, i % 5 == 0 ? null : "label-" + (i * 2654435761L % 100_000), i * 0.25};
  }

  /** Every flush() with buffered rows closes a row group; a flush with nothing buffered does nothing. */
  @Test
  void flushClosesARowGroup() throws Exception {
    Path file = dir.resolve("flushed.parquet");
    FormatWriter w = ParquetFormat.builder().codec(CompressionCodecs.byName("snappy")).build()
        .open(SCHEMA, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow adapter = new ObjectArrayRow(SCHEMA);
    w.flush(); // nothing buffered yet
    for (long i = 0; i < 1000; i++) {
      w.write(adapter.wrap(row(i)));
      if (i % 250 == 249) {
        w.flush();
        w.flush();
      }
    }
    FileMetrics metrics = w.finish();
    assertThat(metrics.rows()).isEqualTo(1000);
    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      assertThat(reader.getFooter().getBlocks()).extracting(BlockMetaData::getRowCount)
          .containsExactly(250L, 250L, 250L, 250L);
    }
    assertSums(file, 1000);
  }

  /**
   * With a 256KB row group size, 200,000 rows make several row groups of about that size (uncompressed, so the
   * buffered size is what lands in the file); no row is lost between them.
   */
  @Test
  void rowGroupsCloseAtTheirSize() throws Exception {
    Path file = dir.resolve("sized.parquet");
    long target = DataSize.ofKilobytes(256).bytes();
    FormatWriter w = ParquetFormat.builder().codec(CompressionCodecs.none()).rowGroupSize(DataSize.ofKilobytes(256))
        .build().open(SCHEMA, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow adapter = new ObjectArrayRow(SCHEMA);
    for (long i = 0; i < 200_000; i++) {
      w.write(adapter.wrap(row(i)));
    }
    w.finish();
    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      List<BlockMetaData> blocks = reader.getFooter().getBlocks();
      assertThat(blocks.size()).isGreaterThan(5);
      long rows = 0;
      for (int g = 0; g < blocks.size(); g++) {
        rows += blocks.get(g).getRowCount();
        if (g < blocks.size() - 1) {
          assertThat(blocks.get(g).getCompressedSize()).as("row group %d", g)
              .isBetween(target / 2, target + target / 10);
        }
      }
      assertThat(rows).isEqualTo(200_000);
    }
    assertSums(file, 200_000);
  }

  private static void assertSums(Path file, long n) throws Exception {
    long nonNullLabels = n - (n + 4) / 5;
    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), sum(id), count(label), sum(value), count(DISTINCT id) FROM "
            + Readers.readParquet(file))) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(n);
      assertThat(rs.getLong(2)).isEqualTo(n * (n - 1) / 2);
      assertThat(rs.getLong(3)).isEqualTo(nonNullLabels);
      assertThat(rs.getDouble(4)).isEqualTo(n * (n - 1) / 2 * 0.25);
      assertThat(rs.getLong(5)).isEqualTo(n);
    }
  }

  /**
   * progress() counts rows, reports the bytes held for the open row group (falling after a flush) and estimates
   * the file size within a factor of the real one.
   */
  @Test
  void progressTracksRowsBufferAndSize() throws Exception {
    Path file = dir.resolve("progress.parquet");
    FormatWriter w = ParquetFormat.builder().codec(CompressionCodecs.byName("zstd")).build()
        .open(SCHEMA, LocalStorage.instance().create(file.toString()));
    FormatProgress empty = w.progress();
    assertThat(empty.rows()).isZero();
    assertThat(empty.estimatedFileSize()).isGreaterThanOrEqualTo(4);
    ObjectArrayRow adapter = new ObjectArrayRow(SCHEMA);
    long previousBuffered = 0;
    for (long i = 0; i < 100_000; i++) {
      w.write(adapter.wrap(row(i)));
      if (i % 20_000 == 19_999) {
        FormatProgress p = w.progress();
        assertThat(p.rows()).isEqualTo(i + 1);
        // Held memory grows in allocation steps (slabs), so it never falls while the row group is open.
        assertThat(p.bufferedBytes()).isPositive().isGreaterThanOrEqualTo(previousBuffered);
        previousBuffered = p.bufferedBytes();
      }
    }
    FormatProgress beforeFlush = w.progress();
    w.flush();
    FormatProgress afterFlush = w.progress();
    assertThat(afterFlush.rows()).isEqualTo(100_000);
    assertThat(afterFlush.bufferedBytes()).isLessThan(beforeFlush.bufferedBytes() / 10);
    FileMetrics metrics = w.finish();
    System.out.printf("progress: estimate %,d bytes with one open row group, %,d after flush; file %,d bytes%n",
        beforeFlush.estimatedFileSize(), afterFlush.estimatedFileSize(), metrics.bytes());
    assertThat(beforeFlush.estimatedFileSize()).isBetween(metrics.bytes() * 3 / 4, metrics.bytes() * 5 / 4);
    assertThat(afterFlush.estimatedFileSize()).isBetween(metrics.bytes() * 9 / 10, metrics.bytes() * 11 / 10);
    assertThat(Files.size(file)).isEqualTo(metrics.bytes());
  }

  /** finish() and abort() both close the stream; every call after them fails, abort() stays idempotent. */
  @Test
  void lifecycle() throws Exception {
    TrackingStream finished = new TrackingStream();
    FormatWriter w = ParquetFormat.builder().codec(CompressionCodecs.none()).build().open(SCHEMA, finished);
    ObjectArrayRow adapter = new ObjectArrayRow(SCHEMA);
    w.write(adapter.wrap(row(1)));
    w.finish();
    assertThat(finished.closed).isEqualTo(1);
    assertThatThrownBy(() -> w.write(adapter.wrap(row(2)))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("finished");
    assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::flush).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::progress).isInstanceOf(IllegalStateException.class);
    w.abort();
    assertThat(finished.closed).isEqualTo(1);

    TrackingStream aborted = new TrackingStream();
    FormatWriter a = ParquetFormat.builder().codec(CompressionCodecs.none()).build().open(SCHEMA, aborted);
    a.write(adapter.wrap(row(1)));
    a.abort();
    a.abort();
    assertThat(aborted.closed).isEqualTo(1);
    assertThatThrownBy(() -> a.write(adapter.wrap(row(2)))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("aborted");
    assertThatThrownBy(a::finish).isInstanceOf(IllegalStateException.class);
  }

  /**
   * A value its column's type cannot hold (or a null in a required column) is refused before any part of the row is
   * written, naming row and column; the writer stays usable and the file holds exactly the rows taken.
   */
  @Test
  void aRowTheTypesCannotHoldIsRefusedWhole() throws Exception {
    Schema schema = Schema.builder().required("n", DataType.int32()).required("d", DataType.decimal(5, 2)).build();
    TrackingStream out = new TrackingStream();
    FormatWriter w = ParquetFormat.builder().codec(CompressionCodecs.none()).build().open(schema, out);
    w.write(fixedRow(false, new BigDecimal("1.00"), 7));
    assertThatThrownBy(() -> w.write(fixedRow(false, new BigDecimal("1234.56"), 7)))
        .isInstanceOf(InvalidRowException.class)
        .hasMessageContaining("row 2").hasMessageContaining("'d'").hasMessageContaining("decimal(5,2)");
    assertThatThrownBy(() -> w.write(fixedRow(false, new BigDecimal("1.001"), 7)))
        .isInstanceOf(InvalidRowException.class).hasMessageContaining("does not fit scale 2");
    assertThatThrownBy(() -> w.write(fixedRow(true, new BigDecimal("1.00"), 7)))
        .isInstanceOf(InvalidRowException.class).hasMessageContaining("'n'").hasMessageContaining("required");
    w.write(fixedRow(false, new BigDecimal("-999.99"), 7));
    assertThat(w.finish().rows()).isEqualTo(2);

    Schema small = Schema.builder().required("n", DataType.int8()).required("d", DataType.decimal(5, 2)).build();
    FormatWriter w3 = ParquetFormat.builder().codec(CompressionCodecs.none()).build()
        .open(small, new TrackingStream());
    w3.write(fixedRow(false, new BigDecimal("1.00"), 127));
    assertThatThrownBy(() -> w3.write(fixedRow(false, new BigDecimal("1.00"), 128)))
        .isInstanceOf(InvalidRowException.class).hasMessageContaining("128 is out of range for int8");
    w3.write(fixedRow(false, new BigDecimal("1.00"), -128));
    assertThat(w3.finish().rows()).isEqualTo(2);
  }

  /** A row with an int column (null when asked) and a decimal column, bypassing the adapters' checks. */
  private static Row fixedRow(boolean nullInt, BigDecimal decimal, int intValue) {
    ArrayRow row = new ArrayRow(2).setInt(0, intValue).setDecimal(1, decimal);
    return nullInt ? row.setNull(0) : row;
  }

  /** An in-memory stream that counts close() calls. */
  private static final class TrackingStream extends PositionOutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int closed;

    @Override
    public long position() {
      return bytes.size();
    }

    @Override
    public void write(int b) {
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    @Override
    public void close() {
      closed++;
    }
  }
}
