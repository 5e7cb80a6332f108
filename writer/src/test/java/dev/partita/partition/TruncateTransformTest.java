package dev.partita.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Iceberg's truncate[W] on ints, longs, strings (code points, non-BMP), binary and decimals. */
class TruncateTransformTest {

  private static Object truncate(DataType type, int width, Object value) {
    Schema schema = Schema.builder().optional("c", type).build();
    PartitionKey key = PartitionSpec.builder(schema).truncate(width, "c").build().newKey();
    key.set(new ObjectArrayRow(schema).wrap(new Object[] {value}));
    return key.get(0);
  }

  @Test
  void icebergSpecExamples() {
    // Iceberg table spec, "Truncate Transform Details".
    assertThat(truncate(DataType.int32(), 10, 1)).isEqualTo(0);
    assertThat(truncate(DataType.int32(), 10, -1)).isEqualTo(-10);
    assertThat(truncate(DataType.int64(), 10, 1L)).isEqualTo(0L);
    assertThat(truncate(DataType.int64(), 10, -1L)).isEqualTo(-10L);
    assertThat(truncate(DataType.decimal(9, 2), 50, new BigDecimal("10.65"))).isEqualTo(new BigDecimal("10.50"));
    assertThat(truncate(DataType.string(), 3, "iceberg")).isEqualTo("ice");
  }

  @Test
  void integersRoundDownToAMultipleOfTheWidth() {
    Random random = new Random(3);
    for (int i = 0; i < 5000; i++) {
      int w = 1 + random.nextInt(i % 2 == 0 ? 100 : 1_000_000);
      int v = random.nextInt(2_000_000_000) - 1_000_000_000;
      int expected = Math.floorDiv(v, w) * w; // floor to a multiple of w: the spec's positive-remainder rule
      assertThat(truncate(DataType.int32(), w, v)).as("truncate[%d](%d)", w, v).isEqualTo(expected);
      long lv = random.nextLong() / 4;
      long lexpected = Math.floorDiv(lv, (long) w) * w;
      assertThat(truncate(DataType.int64(), w, lv)).as("truncate[%d](%dL)", w, lv).isEqualTo(lexpected);
    }
    // int16 results are int32 (the floor of -32768 leaves the int16 range).
    assertThat(truncate(DataType.int16(), 10, (short) -32768)).isEqualTo(-32770);
  }

  @Test
  void stringsKeepWholeCodePoints() {
    String clef = new String(Character.toChars(0x1D11E)); // musical G clef, two chars
    String smile = new String(Character.toChars(0x1F600));
    assertThat(truncate(DataType.string(), 2, clef + smile + "abc")).isEqualTo(clef + smile);
    assertThat(truncate(DataType.string(), 1, clef + smile)).isEqualTo(clef);
    assertThat(truncate(DataType.string(), 3, "a" + clef + "b" + "c")).isEqualTo("a" + clef + "b");
    assertThat(truncate(DataType.string(), 5, "ab")).isEqualTo("ab");
    assertThat(truncate(DataType.string(), 4, "é漢" + smile + "x" + "yz")).isEqualTo("é漢" + smile + "x");
    assertThat(truncate(DataType.string(), 2, clef + clef)).isEqualTo(clef + clef);
    Random random = new Random(11);
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(12);
      for (int j = 0; j < n; j++) {
        sb.appendCodePoint(random.nextBoolean() ? 'a' + random.nextInt(26) : 0x10000 + random.nextInt(0xFFFFF));
      }
      String s = sb.toString();
      int w = 1 + random.nextInt(8);
      int[] cps = s.codePoints().limit(w).toArray();
      assertThat(truncate(DataType.string(), w, s)).isEqualTo(new String(cps, 0, cps.length));
    }
  }

  @Test
  void binaryKeepsTheFirstBytes() {
    assertThat((byte[]) truncate(DataType.binary(), 2, new byte[] {1, 2, 3})).containsExactly(1, 2);
    assertThat((byte[]) truncate(DataType.binary(), 5, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
  }

  @Test
  void decimalsTruncateTheUnscaledValue() {
    assertThat(truncate(DataType.decimal(9, 2), 50, new BigDecimal("-10.65"))).isEqualTo(new BigDecimal("-11.00"));
    assertThat(truncate(DataType.decimal(9, 2), 10, new BigDecimal("0.05"))).isEqualTo(new BigDecimal("0.00"));
    assertThat(truncate(DataType.decimal(9, 2), 10, new BigDecimal("-0.05"))).isEqualTo(new BigDecimal("-0.10"));
    assertThat(truncate(DataType.decimal(38, 0), 7, new BigDecimal("99999999999999999999999999999999999999")))
        .isEqualTo(new BigDecimal(new BigInteger("99999999999999999999999999999999999999")
            .subtract(new BigInteger("99999999999999999999999999999999999999").mod(BigInteger.valueOf(7)))));
    Random random = new Random(5);
    for (int i = 0; i < 2000; i++) {
      long unscaled = random.nextLong() / 1000;
      int w = 1 + random.nextInt(1000);
      BigDecimal v = BigDecimal.valueOf(unscaled, 3);
      BigDecimal expected = BigDecimal.valueOf(Math.floorDiv(unscaled, (long) w) * w, 3);
      assertThat(truncate(DataType.decimal(18, 3), w, v)).isEqualTo(expected);
    }
  }
}
