package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FormatWriter;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Measures heap allocated per row on the write path with the JVM's per-thread allocation counter, using a
 * reusable row that allocates nothing itself, no compression and no dictionary. The pages of a row group are
 * necessarily buffered, so allocation is compared with the bytes written: beyond them, primitive columns must cost
 * (amortized over pages and row groups) only a few bytes per row, so nothing is boxed per value; strings cost
 * parquet-column's small Binary view per value, and no copy of their bytes.
 */
class AllocationTest {
  private static final int WARM_UP = 300_000;
  private static final int MEASURED = 1_000_000;

  @Test
  void primitiveColumnsAllocateAlmostNothingPerRow() throws Exception {
    Schema schema = Schema.builder()
        .required("id", DataType.int64())
        .optional("n", DataType.int32())
        .required("x", DataType.float64())
        .required("flag", DataType.bool())
        .required("at", DataType.timestamp())
        .build();
    double beyondOutput = allocatedBeyondOutputPerRow(schema);
    System.out.printf("allocation: %.2f bytes per row beyond the output, 5 primitive columns%n", beyondOutput);
    // A boxed long (16 bytes) for each of the three 64-bit columns alone would add 48 bytes.
    assertThat(beyondOutput).isLessThan(8.0);
  }

  @Test
  void stringColumnsAllocateOnlyAViewPerValue() throws Exception {
    Schema schema = Schema.builder()
        .required("id", DataType.int64())
        .required("s", DataType.string())
        .optional("t", DataType.string())
        .build();
    double beyondOutput = allocatedBeyondOutputPerRow(schema);
    System.out.printf("allocation: %.2f bytes per row beyond the output, 1 long and 2 string columns%n",
        beyondOutput);
    // At most two Binary views of 32 bytes; a byte[] copy of each ~30 character string would add about 96 more.
    assertThat(beyondOutput).isLessThan(80.0);
  }

  private static double allocatedBeyondOutputPerRow(Schema schema) throws Exception {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    ReusedRow row = new ReusedRow(schema);
    writeRows(schema, row, WARM_UP);
    long before = bean.getThreadAllocatedBytes(thread);
    long written = writeRows(schema, row, MEASURED);
    long after = bean.getThreadAllocatedBytes(thread);
    return (after - before - written) / (double) MEASURED;
  }

  private static long writeRows(Schema schema, ReusedRow row, int count) throws Exception {
    FormatWriter w = ParquetFormat.builder().codec(CompressionCodecs.none()).dictionary(false).build()
        .open(schema, new NullStream());
    for (int i = 0; i < count; i++) {
      row.set(i);
      w.write(row);
    }
    return w.finish().bytes();
  }

  /** A row whose strings are taken from a fixed pool, so the row itself allocates nothing. */
  private static final class ReusedRow implements Row {
    private static final String[] POOL = new String[5000];

    static {
      for (int i = 0; i < POOL.length; i++) {
        POOL[i] = "value number " + i + " with some text";
      }
    }

    private final boolean[] nullable;
    private long i;

    ReusedRow(Schema schema) {
      nullable = new boolean[schema.size()];
      for (int c = 0; c < nullable.length; c++) {
        nullable[c] = schema.column(c).nullable();
      }
    }

    void set(long i) {
      this.i = i;
    }

    @Override
    public boolean isNull(int index) {
      return nullable[index] && i % (5 + index) == 0;
    }

    @Override
    public boolean getBoolean(int index) {
      return (i & 1) == 0;
    }

    @Override
    public int getInt(int index) {
      return (int) (i * 31);
    }

    @Override
    public long getLong(int index) {
      return index == 0 ? i : 1_700_000_000_000_000L + i * 1000;
    }

    @Override
    public float getFloat(int index) {
      return i;
    }

    @Override
    public double getDouble(int index) {
      return i * 0.5;
    }

    @Override
    public BigDecimal getDecimal(int index) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getString(int index) {
      return POOL[(int) ((i * (index + 7)) % POOL.length)];
    }

    @Override
    public byte[] getBinary(int index) {
      throw new UnsupportedOperationException();
    }
  }

  /** Discards bytes, counting them. */
  private static final class NullStream extends PositionOutputStream {
    private long position;

    @Override
    public long position() {
      return position;
    }

    @Override
    public void write(int b) {
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      position += len;
    }
  }
}
