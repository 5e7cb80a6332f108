package dev.partita.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Iceberg's bucket transform: Murmur3 x86 32 against published vectors, and bucket numbers through a key. */
class BucketTransformTest {

  @Test
  void murmur3MatchesReferenceVectorsWithSeedZero() {
    // SMHasher-style vectors for MurmurHash3_x86_32 with seed 0.
    assertThat(Murmur3.hashBytes(new byte[0], 0, 0)).isZero();
    assertThat(Murmur3.hashBytes(bytes(0xff, 0xff, 0xff, 0xff), 0, 4)).isEqualTo(0x76293B50);
    assertThat(Murmur3.hashBytes(bytes(0x21, 0x43, 0x65, 0x87), 0, 4)).isEqualTo(0xF55B516B);
  }

  @Test
  void murmur3MatchesIcebergSpecAppendixB() {
    // Iceberg table spec, "Appendix B: 32-bit Hash Requirements", test values column.
    assertThat(Murmur3.hashLong(34)).as("int 34").isEqualTo(2017239379);
    assertThat(Murmur3.hashLong(34L)).as("long 34").isEqualTo(2017239379);
    byte[] unscaled = new BigDecimal("14.20").unscaledValue().toByteArray();
    assertThat(Murmur3.hashBytes(unscaled, 0, unscaled.length)).as("decimal 14.20").isEqualTo(-500754589);
    assertThat(Murmur3.hashLong(LocalDate.of(2017, 11, 16).toEpochDay())).as("date").isEqualTo(-653330422);
    assertThat(Murmur3.hashLong(LocalTime.of(22, 31, 8).toNanoOfDay() / 1000)).as("time").isEqualTo(-662762989);
    long ts = LocalDateTime.of(2017, 11, 16, 22, 31, 8).toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L;
    assertThat(Murmur3.hashLong(ts)).as("timestamp").isEqualTo(-2047944441);
    assertThat(Murmur3.hashUtf8("iceberg")).as("string").isEqualTo(1210000089);
    assertThat(Murmur3.hashBytes(bytes(0, 1, 2, 3), 0, 4)).as("binary").isEqualTo(-188683207);
  }

  @Test
  void bucketOfEveryTypeThroughAKeyMatchesTheSpecHashes() {
    Schema schema = Schema.builder()
        .required("i", DataType.int32())
        .required("l", DataType.int64())
        .required("dec", DataType.decimal(9, 2))
        .required("d", DataType.date())
        .required("t", DataType.time())
        .required("ts", DataType.timestamp())
        .required("tstz", DataType.timestampTz())
        .required("s", DataType.string())
        .required("b", DataType.binary())
        .required("i16", DataType.int16())
        .build();
    int[] hashes = {2017239379, 2017239379, -500754589, -653330422, -662762989, -2047944441, -2047944441,
        1210000089, -188683207, 2017239379};
    Object[] values = {34, 34L, new BigDecimal("14.20"), LocalDate.of(2017, 11, 16), LocalTime.of(22, 31, 8),
        LocalDateTime.of(2017, 11, 16, 22, 31, 8), OffsetDateTime.parse("2017-11-16T14:31:08-08:00"), "iceberg",
        bytes(0, 1, 2, 3), (short) 34};
    for (int n : new int[] {1, 16, 1000, 7919, Integer.MAX_VALUE}) {
      PartitionSpec.Builder b = PartitionSpec.builder(schema);
      for (var c : schema.columns()) {
        b.bucket(n, c.name());
      }
      PartitionSpec spec = b.build();
      PartitionKey key = spec.newKey();
      key.set(new ObjectArrayRow(schema).wrap(values));
      for (int i = 0; i < hashes.length; i++) {
        assertThat(key.get(i)).as("bucket[%d] of %s", n, schema.column(i))
            .isEqualTo((hashes[i] & Integer.MAX_VALUE) % n);
      }
    }
  }

  @Test
  void bucketOfNullIsNullAndResultIsInRange() {
    Schema schema = Schema.builder().optional("s", DataType.string()).build();
    PartitionSpec spec = PartitionSpec.builder(schema).bucket(7, "s").build();
    PartitionKey key = spec.newKey();
    ObjectArrayRow row = new ObjectArrayRow(schema);
    key.set(row.wrap(new Object[] {null}));
    assertThat(key.get(0)).isNull();
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      String s = Long.toHexString(random.nextLong());
      key.set(row.wrap(new Object[] {s}));
      int h = Murmur3.hashUtf8(s);
      assertThat(key.get(0)).isEqualTo((h & Integer.MAX_VALUE) % 7);
    }
  }

  @Test
  void streamingUtf8HashEqualsHashOfEncodedBytes() {
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(20);
      for (int j = 0; j < len; j++) {
        switch (random.nextInt(6)) {
          case 0 -> sb.append((char) random.nextInt(0x80));
          case 1 -> sb.append((char) (0x80 + random.nextInt(0x780)));
          case 2 -> sb.append((char) (0x800 + random.nextInt(0xD800 - 0x800)));
          case 3 -> sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
          case 4 -> sb.append((char) (0xD800 + random.nextInt(0x800))); // unpaired surrogate (usually)
          default -> sb.append((char) (0xE000 + random.nextInt(0x2000)));
        }
      }
      String s = sb.toString();
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      assertThat(Murmur3.hashUtf8(s)).as("hash of %s", s).isEqualTo(Murmur3.hashBytes(utf8, 0, utf8.length));
    }
  }

  @Test
  void hashBytesRespectsOffsetAndEveryTailLength() {
    byte[] data = "abcdefghijklmnop".getBytes(StandardCharsets.US_ASCII);
    for (int len = 0; len <= 12; len++) {
      byte[] copy = java.util.Arrays.copyOfRange(data, 3, 3 + len);
      assertThat(Murmur3.hashBytes(data, 3, len)).isEqualTo(Murmur3.hashBytes(copy, 0, len));
      assertThat(Murmur3.hashBytes(copy, 0, len))
          .isEqualTo(Murmur3.hashUtf8(new String(copy, StandardCharsets.US_ASCII)));
    }
    // A long hashes as its 8 little-endian bytes.
    long v = 0x0102030405060708L;
    byte[] le = bytes(8, 7, 6, 5, 4, 3, 2, 1);
    assertThat(Murmur3.hashLong(v)).isEqualTo(Murmur3.hashBytes(le, 0, 8));
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
