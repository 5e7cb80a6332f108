package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FormatWriter;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.lang.management.ManagementFactory;
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
    ArrayRow row = new ArrayRow(schema.size());
    writeRows(schema, row, WARM_UP);
    long before = bean.getThreadAllocatedBytes(thread);
    long written = writeRows(schema, row, MEASURED);
    long after = bean.getThreadAllocatedBytes(thread);
    return (after - before - written) / (double) MEASURED;
  }

  private static long writeRows(Schema schema, ArrayRow row, int count) throws Exception {
    FormatWriter w = ParquetFormat.builder().codec(CompressionCodecs.none()).dictionary(false).build()
        .open(schema, new NullStream());
    for (int i = 0; i < count; i++) {
      fill(schema, row, i);
      w.write(row);
    }
    return w.finish().bytes();
  }

  /** Strings of the rows, from a fixed pool so that filling a row allocates nothing. */
  private static final String[] POOL = new String[5000];

  static {
    for (int i = 0; i < POOL.length; i++) {
      POOL[i] = "value number " + i + " with some text";
    }
  }

  /** Fills {@code row} with the values of row {@code i}: nullable columns are null every (5 + column) rows. */
  private static void fill(Schema schema, ArrayRow row, long i) {
    for (int c = 0; c < schema.size(); c++) {
      if (schema.column(c).nullable() && i % (5 + c) == 0) {
        row.setNull(c);
        continue;
      }
      switch (schema.column(c).type().kind()) {
        case BOOLEAN -> row.setBoolean(c, (i & 1) == 0);
        case INT32 -> row.setInt(c, (int) (i * 31));
        case INT64, TIMESTAMP -> row.setLong(c, c == 0 ? i : 1_700_000_000_000_000L + i * 1000);
        case FLOAT32 -> row.setFloat(c, i);
        case FLOAT64 -> row.setDouble(c, i * 0.5);
        case STRING -> row.setString(c, POOL[(int) ((i * (c + 7)) % POOL.length)]);
        default -> throw new IllegalArgumentException("no test values for " + schema.column(c).type());
      }
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
