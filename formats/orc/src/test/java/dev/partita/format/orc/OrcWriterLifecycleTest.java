package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.row.InvalidRowException;
import dev.partita.row.ObjectArrayRow;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's lifecycle: finish and abort close the stream once, nothing works after them, rejected rows leave
 * no trace, a failing stream makes the writer refuse further work, and progress reflects what is buffered.
 */
class OrcWriterLifecycleTest {
  private static final Schema SCHEMA = Schema.builder().required("id", DataType.int32())
      .optional("ts", DataType.timestamp()).optional("amount", DataType.decimal(10, 2))
      .optional("payload", DataType.binary()).build();

  @TempDir
  Path dir;

  /** An in-memory stream that counts closes and can fail after a number of bytes. */
  static final class RecordingStream extends PositionOutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final long failAfter;
    int closes;

    RecordingStream(long failAfter) {
      this.failAfter = failAfter;
    }

    @Override
    public long position() {
      return bytes.size();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closes > 0) {
        throw new IOException("stream closed");
      }
      if (bytes.size() + len > failAfter) {
        throw new IOException("disk full (test)");
      }
      bytes.write(b, off, len);
    }

    @Override
    public void close() {
      closes++;
    }
  }

  private static Object[] row(int i) {
    return new Object[] {i, 1_600_000_000_000_000L + i, BigDecimal.valueOf(i, 2), new byte[] {(byte) i}};
  }

  @Test
  void finishClosesOnceAndEverythingAfterFails() throws Exception {
    RecordingStream out = new RecordingStream(Long.MAX_VALUE);
    FormatWriter w = OrcFormat.defaults().open(SCHEMA, out);
    ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
    w.write(row.wrap(row(1)));
    FileMetrics m = w.finish();
    assertThat(out.closes).isEqualTo(1);
    assertThat(m.rows()).isEqualTo(1);
    assertThat(m.bytes()).isEqualTo(out.bytes.size());
    assertThatThrownBy(() -> w.write(row.wrap(row(2)))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("finished");
    assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::flush).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::progress).isInstanceOf(IllegalStateException.class);
    w.abort();
    assertThat(out.closes).isEqualTo(1);

    Path file = dir.resolve("one.orc");
    Files.write(file, out.bytes.toByteArray());
    assertThat(OrcReadBack.comparable(OrcReadBack.readAll(file, SCHEMA)))
        .containsExactlyElementsOf(OrcReadBack.comparable(List.<Object[]>of(row(1))));
  }

  @Test
  void abortClosesOnceWithoutAFooter() throws Exception {
    RecordingStream out = new RecordingStream(Long.MAX_VALUE);
    FormatWriter w = OrcFormat.builder().batchSize(10).build().open(SCHEMA, out);
    ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
    for (int i = 0; i < 100; i++) {
      w.write(row.wrap(row(i)));
    }
    w.flush();
    long afterFlush = out.position();
    w.write(row.wrap(row(100)));
    w.abort();
    w.abort();
    assertThat(out.closes).isEqualTo(1);
    assertThat(out.position()).as("abort writes neither the open stripe nor a footer").isEqualTo(afterFlush);
    assertThatThrownBy(() -> w.write(row.wrap(row(1)))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("aborted");
    assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectedRowsLeaveNoTraceAndTheWriterGoesOn() throws Exception {
    Path file = dir.resolve("rejects.orc");
    RecordingStream out = new RecordingStream(Long.MAX_VALUE);
    FormatWriter w = OrcFormat.builder().batchSize(4).build().open(SCHEMA, out);
    List<Object[]> kept = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Object[] v = row(i);
      if (i % 3 == 1) {
        // A hand-written row can hand over what the adapters would have refused.
        Object[] bad = v.clone();
        switch (i % 4) {
          case 0 -> bad[0] = null;
          case 1 -> bad[1] = -1L;
          case 2 -> bad[2] = new BigDecimal("123456789.01");
          default -> bad[2] = new BigDecimal("1.001");
        }
        int n = i;
        assertThatThrownBy(() -> w.write(new ArrayRow(bad))).isInstanceOf(InvalidRowException.class)
            .satisfies(e -> assertThat(((InvalidRowException) e).rowNumber()).isEqualTo(kept.size() + 1))
            .hasMessageContaining(switch (n % 4) {
              case 0 -> "column 'id': null in required column";
              case 1 -> "column 'ts': timestamp -1 micros";
              default -> "column 'amount': decimal";
            });
      } else {
        kept.add(v);
        w.write(new ArrayRow(v));
      }
    }
    FileMetrics m = w.finish();
    assertThat(m.rows()).isEqualTo(kept.size());
    assertThat(m.columns().get(0).nullCount()).isZero();
    assertThat(m.columns().get(1).nullCount()).isZero();
    Files.write(file, out.bytes.toByteArray());
    assertThat(OrcReadBack.comparable(OrcReadBack.readAll(file, SCHEMA)))
        .containsExactlyElementsOf(OrcReadBack.comparable(kept));
  }

  @Test
  void timestampsOrcCannotStoreAreRejectedAndTheirNeighboursKept() throws Exception {
    Schema schema = Schema.builder().optional("ts", DataType.timestampTz()).build();
    RecordingStream out = new RecordingStream(Long.MAX_VALUE);
    FormatWriter w = OrcFormat.defaults().open(schema, out);
    for (long bad : new long[] {-1L, -999_000L, -500_000L}) {
      assertThatThrownBy(() -> w.write(new ArrayRow(new Object[] {bad}))).isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("ORC-763");
    }
    long[] good = {-999_001L, -999_999L, -1_000_000L, 0L, -1_000_001L};
    for (long g : good) {
      w.write(new ArrayRow(new Object[] {g}));
    }
    w.finish();
    Path file = dir.resolve("edges.orc");
    Files.write(file, out.bytes.toByteArray());
    assertThat(OrcReadBack.readAll(file, schema).stream().map(r -> (Long) r[0]).toList())
        .containsExactly(-999_001L, -999_999L, -1_000_000L, 0L, -1_000_001L);
  }

  @Test
  void binaryValuesAreCopiedSoARowMayReuseItsArray() throws Exception {
    Schema schema = Schema.builder().required("b", DataType.binary()).build();
    byte[] shared = new byte[3];
    Row reusing = new ArrayRow(new Object[] {shared});
    RecordingStream out = new RecordingStream(Long.MAX_VALUE);
    FormatWriter w = OrcFormat.builder().batchSize(16).build().open(schema, out);
    List<Object[]> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      shared[0] = (byte) i;
      shared[1] = (byte) (i * 3);
      shared[2] = (byte) -i;
      expected.add(new Object[] {shared.clone()});
      w.write(reusing);
    }
    w.finish();
    Path file = dir.resolve("binary.orc");
    Files.write(file, out.bytes.toByteArray());
    assertThat(OrcReadBack.comparable(OrcReadBack.readAll(file, schema)))
        .containsExactlyElementsOf(OrcReadBack.comparable(expected));
  }

  @Test
  void aFailingStreamStopsTheWriterAndAbortStaysQuiet() throws Exception {
    RecordingStream out = new RecordingStream(2_000);
    FormatWriter w = OrcFormat.builder().codec("none").batchSize(64).build().open(SCHEMA, out);
    ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
    IOException failure = null;
    try {
      for (int i = 0; i < 100_000; i++) {
        w.write(row.wrap(row(i)));
        if (i % 500 == 499) {
          w.flush();
        }
      }
      w.finish();
    } catch (IOException e) {
      failure = e;
    }
    assertThat(failure).isNotNull();
    assertThat(failure).hasStackTraceContaining("disk full (test)");
    assertThatThrownBy(() -> w.write(row.wrap(row(1)))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed earlier").cause().isSameAs(failure);
    w.abort();
    w.abort();
    assertThat(out.closes).isEqualTo(1);
  }

  @Test
  void progressCountsRowsAndEstimatesTheFileFromWrittenStripes() throws Exception {
    RecordingStream out = new RecordingStream(Long.MAX_VALUE);
    FormatWriter w = OrcFormat.builder().batchSize(256).build().open(SCHEMA, out);
    FormatProgress start = w.progress();
    assertThat(start.rows()).isZero();
    assertThat(start.bufferedBytes()).as("the batch's vectors").isPositive();
    ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
    for (int i = 0; i < 5_000; i++) {
      w.write(row.wrap(row(i)));
    }
    FormatProgress beforeStripe = w.progress();
    assertThat(beforeStripe.rows()).isEqualTo(5_000);
    assertThat(beforeStripe.bufferedBytes()).isGreaterThan(start.bufferedBytes());
    assertThat(beforeStripe.estimatedFileSize()).isGreaterThan(start.estimatedFileSize());
    w.flush();
    for (int i = 5_000; i < 10_000; i++) {
      w.write(row.wrap(row(i)));
    }
    FormatProgress afterStripe = w.progress();
    assertThat(afterStripe.rows()).isEqualTo(10_000);
    FileMetrics m = w.finish();
    // Half the rows are in a written stripe: the other half is estimated at the same bytes per row.
    assertThat(afterStripe.estimatedFileSize()).isBetween(m.bytes() * 3 / 4, m.bytes() * 5 / 4);
  }

  @Test
  void openRejectsBadBloomFilterColumnsAndClosesTheStream() {
    Schema twoCases = Schema.builder().required("ID", DataType.int32()).required("id", DataType.int32()).build();
    List<Object[]> cases = List.of(
        new Object[] {OrcFormat.builder().bloomFilterColumns("nope").build(), SCHEMA, "no column 'nope'"},
        new Object[] {OrcFormat.builder().bloomFilterColumns("id").build(), twoCases, "case-insensitively"});
    for (Object[] c : cases) {
      RecordingStream out = new RecordingStream(Long.MAX_VALUE);
      assertThatThrownBy(() -> ((OrcFormat) c[0]).open((Schema) c[1], out))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bloomFilterColumns")
          .hasMessageContaining((String) c[2]);
      assertThat(out.closes).isEqualTo(1);
      assertThat(out.position()).isZero();
    }
  }

  /** A hand-written row over an array, without the adapters' checks. */
  static final class ArrayRow implements Row {
    private final Object[] v;

    ArrayRow(Object[] v) {
      this.v = v;
    }

    @Override
    public boolean isNull(int index) {
      return v[index] == null;
    }

    @Override
    public boolean getBoolean(int index) {
      return (Boolean) v[index];
    }

    @Override
    public int getInt(int index) {
      return (Integer) v[index];
    }

    @Override
    public long getLong(int index) {
      return (Long) v[index];
    }

    @Override
    public float getFloat(int index) {
      return (Float) v[index];
    }

    @Override
    public double getDouble(int index) {
      return (Double) v[index];
    }

    @Override
    public BigDecimal getDecimal(int index) {
      return (BigDecimal) v[index];
    }

    @Override
    public String getString(int index) {
      return (String) v[index];
    }

    @Override
    public byte[] getBinary(int index) {
      return (byte[]) v[index];
    }
  }
}
