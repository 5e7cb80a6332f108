package dev.partita.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowBufferTest {
  private static final Schema SCHEMA = Schema.builder()
      .optional("b", DataType.bool())
      .optional("i", DataType.int32())
      .optional("l", DataType.int64())
      .optional("f", DataType.float32())
      .optional("d", DataType.float64())
      .optional("s", DataType.string())
      .optional("dec", DataType.decimal(20, 3))
      .optional("bin", DataType.binary())
      .optional("date", DataType.date())
      .optional("ts", DataType.timestamp())
      .build();

  private static Object[] randomRow(Random r) {
    Object[] v = {r.nextBoolean(), r.nextInt(), r.nextLong(), r.nextBoolean() ? Float.NaN : r.nextFloat(),
        r.nextBoolean() ? -0.0 : r.nextDouble(), "s" + r.nextInt(1000) + "ü",
        new BigDecimal(r.nextLong()).movePointLeft(3), new byte[] {(byte) r.nextInt(), 2, 3}, r.nextInt(30_000),
        r.nextLong()};
    for (int c = 0; c < v.length; c++) {
      if (r.nextInt(5) == 0) {
        v[c] = null;
      }
    }
    return v;
  }

  @Test
  void rowsReadBackAsWrittenAcrossGrowthAndClear() {
    Random r = new Random(7);
    RowBuffer buffer = new RowBuffer(SCHEMA);
    assertThat(buffer.heapBytes()).isZero();
    ObjectArrayRow adapter = new ObjectArrayRow(SCHEMA);
    for (int round = 0; round < 2; round++) {
      List<Object[]> rows = new ArrayList<>();
      long lastHeap = 0;
      for (int i = 0; i < 300; i++) {
        Object[] v = randomRow(r);
        rows.add(v);
        buffer.add(adapter.wrap(v.clone()));
        assertThat(buffer.heapBytes()).isGreaterThanOrEqualTo(lastHeap);
        lastHeap = buffer.heapBytes();
      }
      assertThat(buffer.size()).isEqualTo(300);
      // At least the primitives' 8 bytes and the strings' characters of every row.
      assertThat(lastHeap).isGreaterThan(300L * (8 * 5 + 4));
      for (int i = 0; i < rows.size(); i++) {
        Row row = buffer.row(i);
        Object[] v = rows.get(i);
        for (int c = 0; c < SCHEMA.size(); c++) {
          assertThat(row.isNull(c)).as("null at %d,%d", i, c).isEqualTo(v[c] == null);
          if (v[c] != null) {
            Object read = switch (c) {
              case 0 -> row.getBoolean(c);
              case 1, 8 -> row.getInt(c);
              case 2, 9 -> row.getLong(c);
              case 3 -> row.getFloat(c);
              case 4 -> row.getDouble(c);
              case 5 -> row.getString(c);
              case 6 -> row.getDecimal(c);
              default -> row.getBinary(c);
            };
            if (read instanceof byte[] b) {
              assertThat(b).isEqualTo((byte[]) v[c]);
            } else if (read instanceof Double d) {
              assertThat(Double.doubleToRawLongBits(d)).isEqualTo(Double.doubleToRawLongBits((Double) v[c]));
            } else if (read instanceof Float f) {
              assertThat(Float.floatToRawIntBits(f)).isEqualTo(Float.floatToRawIntBits((Float) v[c]));
            } else {
              assertThat(read).as("value at %d,%d", i, c).isEqualTo(v[c]);
            }
          }
        }
      }
      buffer.clear();
      assertThat(buffer.size()).isZero();
      assertThat(buffer.heapBytes()).isZero();
    }
  }

  @Test
  void binariesAreCopiedAndAFailingGetterLeavesTheBufferAsItWas() {
    Schema schema = Schema.builder().required("bin", DataType.binary()).required("n", DataType.int32()).build();
    RowBuffer buffer = new RowBuffer(schema);
    byte[] reused = {1, 2, 3};
    buffer.add(new ObjectArrayRow(schema).wrap(new Object[] {reused, 1}));
    Arrays.fill(reused, (byte) 9);
    assertThat(buffer.row(0).getBinary(0)).containsExactly(1, 2, 3);
    Object[] bad = {new byte[] {4}, "not an int"};
    assertThatThrownBy(() -> buffer.add(new ObjectArrayRow(schema).wrap(bad))).isInstanceOf(RuntimeException.class);
    assertThat(buffer.size()).isEqualTo(1);
    assertThatThrownBy(() -> buffer.row(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
