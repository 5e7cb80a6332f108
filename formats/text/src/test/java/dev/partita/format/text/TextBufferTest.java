package dev.partita.format.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-place encoders against the JDK's formatters, over edge values and random ones. */
class TextBufferTest {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  private static String text(TextBuffer b) {
    return new String(b.array(), 0, b.size(), StandardCharsets.UTF_8);
  }

  @Test
  void datesMatchLocalDate() {
    TextBuffer b = new TextBuffer(4);
    Random r = new Random(1);
    long[] edges = {0, -1, 1, 59, 60, -719_162, -719_163, -719_528, 2_932_896, 2_932_897, 11_016, -25_567,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 951_854, -141_427};
    for (long d : edges) {
      b.reset();
      b.putDate(d);
      assertThat(text(b)).as("day %d", d).isEqualTo(LocalDate.ofEpochDay(d).toString());
    }
    for (int i = 0; i < 200_000; i++) {
      long d = i % 2 == 0 ? r.nextInt() : r.nextInt(4_000_000) - 1_000_000;
      b.reset();
      b.putDate(d);
      assertThat(text(b)).as("day %d", d).isEqualTo(LocalDate.ofEpochDay(d).toString());
    }
  }

  @Test
  void timesAndTimestampsMatchJavaTime() {
    TextBuffer b = new TextBuffer(4);
    Random r = new Random(2);
    for (long micros : new long[] {0, 1, 999_999, 1_000_000, TextBuffer.MICROS_PER_DAY - 1, 43_200_000_000L}) {
      b.reset();
      b.putTime(micros);
      assertThat(text(b)).isEqualTo(LocalTime.ofNanoOfDay(micros * 1000).format(TIME));
    }
    long[] edges = {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, -62_135_596_800_000_000L, 253_402_300_799_999_999L};
    for (int i = 0; i < 100_000 + edges.length; i++) {
      long micros = i < edges.length ? edges[i] : (i % 2 == 0 ? r.nextLong() : r.nextLong() % 4_000_000_000_000_000L);
      Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
      LocalDateTime ldt = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
      String expected = ldt.toLocalDate() + "T" + ldt.toLocalTime().format(TIME);
      b.reset();
      b.putTimestamp(micros, false);
      assertThat(text(b)).as("micros %d", micros).isEqualTo(expected);
      b.reset();
      b.putTimestamp(micros, true);
      assertThat(text(b)).isEqualTo(expected + "Z");
      if (ldt.getYear() >= 0 && ldt.getYear() <= 9999) {
        assertThat(Instant.parse(text(b))).isEqualTo(instant);
      }
    }
  }

  @Test
  void integersMatchLongToString() {
    TextBuffer b = new TextBuffer(1);
    Random r = new Random(3);
    long[] edges = {0, -1, 9, 10, 99, 100, -10, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 1_000_000_000_000_000_000L};
    for (int i = 0; i < 100_000 + edges.length; i++) {
      long v = i < edges.length ? edges[i] : r.nextLong() >> r.nextInt(64);
      b.reset();
      b.putLong(v);
      assertThat(text(b)).isEqualTo(Long.toString(v));
    }
  }

  @Test
  void base64MatchesTheJdk() {
    TextBuffer b = new TextBuffer(1);
    Random r = new Random(4);
    for (int n = 0; n < 70; n++) {
      byte[] data = new byte[n];
      r.nextBytes(data);
      b.reset();
      b.putBase64(data);
      assertThat(text(b)).isEqualTo(Base64.getEncoder().encodeToString(data));
    }
  }

  @Test
  void utf8MatchesStringGetBytes() {
    TextBuffer b = new TextBuffer(1);
    Random r = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      char[] cs = new char[r.nextInt(12)];
      for (int j = 0; j < cs.length; j++) {
        // Favour the interesting ranges: ASCII, two- and three-byte, and surrogates (paired or not).
        cs[j] = switch (r.nextInt(5)) {
          case 0 -> (char) r.nextInt(0x80);
          case 1 -> (char) (0x80 + r.nextInt(0x780));
          case 2 -> (char) (0x800 + r.nextInt(0xD000));
          case 3 -> (char) (0xD800 + r.nextInt(0x800));
          default -> (char) (0xE000 + r.nextInt(0x2000));
        };
      }
      String s = new String(cs);
      b.reset();
      b.putUtf8(s);
      assertThat(java.util.Arrays.copyOf(b.array(), b.size())).as("%s", s.chars().boxed().toList())
          .isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }
  }
}
