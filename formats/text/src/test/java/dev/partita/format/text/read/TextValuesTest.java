package dev.partita.format.text.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Parsing from char slices agrees with the JDK's parsers, and rejects what they would misread. */
class TextValuesTest {

  static char[] c(String s) {
    return s.toCharArray();
  }

  static double d(String s) throws ValueException {
    return TextValues.parseDouble(c(s), 0, s.length());
  }

  @Test
  void doublesMatchDoubleParseDoubleBitForBit() throws ValueException {
    Random rnd = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      String s = switch (i % 4) {
        case 0 -> Double.toString(Double.longBitsToDouble(rnd.nextLong()));
        case 1 -> Double.toString(rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20));
        case 2 -> (rnd.nextBoolean() ? "-" : "") + rnd.nextInt(100_000) + "." + String.format("%08d",
            rnd.nextInt(100_000_000));
        default -> rnd.nextLong() % 10_000_000_000_000_000L + "e" + (rnd.nextInt(60) - 30);
      };
      if (s.contains("NaN") || s.contains("Infinity")) {
        continue;
      }
      assertThat(Double.doubleToRawLongBits(d(s))).as(s)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
    }
    assertThat(d(" 31.95376472 ")).isEqualTo(31.95376472);
    assertThat(Double.doubleToRawLongBits(d("-0.0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(d("NaN")).isNaN();
    assertThat(d("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(d("1.")).isEqualTo(1.0);
    assertThat(d(".5")).isEqualTo(0.5);
  }

  @Test
  void rejectsWhatJavaWouldReadAsADouble() {
    for (String s : new String[] {"1d", "1f", "0x1p3", "", "-", ".", "1e", "1,5", "1.2.3", "e5"}) {
      assertThatThrownBy(() -> d(s)).as(s).isInstanceOf(ValueException.class);
    }
  }

  @Test
  void longs() throws ValueException {
    for (String s : new String[] {"0", "-1", "+42", "9223372036854775807", "-9223372036854775808", " 7 "}) {
      assertThat(TextValues.parseLong(c(s), 0, s.length())).isEqualTo(Long.parseLong(s.strip()));
    }
    for (String s : new String[] {"9223372036854775808", "-9223372036854775809", "1.0", "", "+", "1e3", "12a"}) {
      assertThatThrownBy(() -> TextValues.parseLong(c(s), 0, s.length())).as(s).isInstanceOf(ValueException.class);
    }
  }

  @Test
  void datesMatchLocalDate() throws ValueException {
    LocalDate d = LocalDate.of(1600, 1, 1);
    while (d.getYear() < 2500) {
      String s = d.toString();
      assertThat(TextValues.parseDate(c(s), 0, s.length())).as(s).isEqualTo((int) d.toEpochDay());
      d = d.plusDays(13);
    }
    for (String s : new String[] {"2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-1-1", "24-01-01"}) {
      assertThatThrownBy(() -> TextValues.parseDate(c(s), 0, s.length())).as(s).isInstanceOf(ValueException.class);
    }
    assertThat(TextValues.parseDate(c("2024-02-29"), 0, 10)).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
  }

  @Test
  void timestampsMatchJavaTime() throws ValueException {
    TextValues.Timestamp t = new TextValues.Timestamp();
    Random rnd = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      LocalDateTime l = LocalDateTime.of(1900, 1, 1, 0, 0).plusSeconds(Math.floorMod(rnd.nextLong(), 8_000_000_000L))
          .plusNanos(rnd.nextInt(1_000_000) * 1000L);
      String s = l.toString().replace('T', i % 2 == 0 ? ' ' : 'T');
      TextValues.parseTimestamp(c(s), 0, s.length(), t);
      assertThat(t.hasOffset).isFalse();
      assertThat(t.micros).as(s).isEqualTo(ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), l));
      ZoneOffset off = ZoneOffset.ofHoursMinutes(rnd.nextInt(27) - 13, 0);
      String z = OffsetDateTime.of(l, off).toString();
      TextValues.parseTimestamp(c(z), 0, z.length(), t);
      assertThat(t.hasOffset).isTrue();
      assertThat(t.micros).as(z).isEqualTo(ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
          OffsetDateTime.of(l, off).toInstant()));
    }
    String local = "2024-03-31 02:30:00";
    TextValues.parseTimestamp(c(local), 0, local.length(), t);
    ZoneId paris = ZoneId.of("Europe/Paris");
    String summer = "2024-07-01 12:00:00";
    TextValues.parseTimestamp(c(summer), 0, summer.length(), t);
    assertThat(t.inZone(paris)).isEqualTo(ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
        LocalDateTime.of(2024, 7, 1, 12, 0).atZone(paris).toInstant()));
    for (String s : new String[] {"2024-01-01 25:00:00", "2024-01-01X10:00", "2024-01-01 10:00:00+1", "2024-01-01 10"}) {
      assertThatThrownBy(() -> TextValues.parseTimestamp(c(s), 0, s.length(), t)).as(s)
          .isInstanceOf(ValueException.class);
    }
  }

  @Test
  void times() throws ValueException {
    for (String s : new String[] {"00:00", "23:59:59", "12:34:56.789", "01:02:03.123456"}) {
      assertThat(TextValues.parseTime(c(s), 0, s.length())).as(s)
          .isEqualTo(LocalTime.parse(s).toNanoOfDay() / 1000);
    }
    assertThatThrownBy(() -> TextValues.parseTime(c("24:00"), 0, 5)).isInstanceOf(ValueException.class);
    assertThatThrownBy(() -> TextValues.parseTime(c("12:00x"), 0, 6)).isInstanceOf(ValueException.class);
  }

  @Test
  void booleansInEachSetOfForms() throws ValueException {
    assertThat(TextValues.parseBoolean(c("TRUE"), 0, 4, TextValues.Booleans.WORDS)).isTrue();
    assertThat(TextValues.parseBoolean(c(" False "), 0, 7, TextValues.Booleans.WORDS)).isFalse();
    assertThatThrownBy(() -> TextValues.parseBoolean(c("1"), 0, 1, TextValues.Booleans.WORDS))
        .isInstanceOf(ValueException.class).hasMessage("'1' is not a boolean");
    for (String s : new String[] {"t", "T", "1"}) {
      assertThat(TextValues.parseBoolean(c(s), 0, 1, TextValues.Booleans.SHORT)).as(s).isTrue();
      assertThat(TextValues.parseBoolean(c(s), 0, 1, TextValues.Booleans.LENIENT)).as(s).isTrue();
    }
    assertThat(TextValues.parseBoolean(c("f"), 0, 1, TextValues.Booleans.SHORT)).isFalse();
    assertThat(TextValues.parseBoolean(c("0"), 0, 1, TextValues.Booleans.SHORT)).isFalse();
    assertThatThrownBy(() -> TextValues.parseBoolean(c("yes"), 0, 3, TextValues.Booleans.SHORT))
        .isInstanceOf(ValueException.class).hasMessage("'yes' is not a boolean (true/false, t/f, 1/0)");
    assertThat(TextValues.parseBoolean(c("Yes"), 0, 3, TextValues.Booleans.LENIENT)).isTrue();
    assertThat(TextValues.parseBoolean(c("no"), 0, 2, TextValues.Booleans.LENIENT)).isFalse();
    assertThat(TextValues.parseBoolean(c("N"), 0, 1, TextValues.Booleans.LENIENT)).isFalse();
    assertThatThrownBy(() -> TextValues.parseBoolean(c("maybe"), 0, 5, TextValues.Booleans.LENIENT))
        .isInstanceOf(ValueException.class).hasMessageContaining("yes/no");
  }

  @Test
  void decimalsAreExact() throws ValueException {
    for (String s : new String[] {"0", "-12.50", "1E+3", "123456789012345678901234567890.0001", " 7.25 "}) {
      assertThat(TextValues.parseDecimal(c(s), 0, s.length())).as(s).isEqualTo(new BigDecimal(s.strip()));
    }
    for (String s : new String[] {"", " ", "1.2.3", "abc", "1,5"}) {
      assertThatThrownBy(() -> TextValues.parseDecimal(c(s), 0, s.length())).as(s)
          .isInstanceOf(ValueException.class).hasMessageContaining("is not a decimal number");
    }
  }

  /** Values inside a larger buffer are read from their slice only. */
  @Test
  void slicesOfALargerBuffer() throws ValueException {
    char[] buf = c("x12|2024-02-29|10:15:30|yes|2024-02-29T10:15:30.5Z|9");
    assertThat(TextValues.parseLong(buf, 1, 2)).isEqualTo(12);
    assertThat(TextValues.parseDate(buf, 4, 10)).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
    assertThat(TextValues.parseTime(buf, 15, 8)).isEqualTo(LocalTime.of(10, 15, 30).toNanoOfDay() / 1000);
    assertThat(TextValues.parseBoolean(buf, 24, 3, TextValues.Booleans.LENIENT)).isTrue();
    TextValues.Timestamp t = new TextValues.Timestamp();
    TextValues.parseTimestamp(buf, 28, 22, t);
    assertThat(t.micros).isEqualTo(ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
        java.time.Instant.parse("2024-02-29T10:15:30.5Z")));
    assertThat(TextValues.parseDouble(buf, 51, 1)).isEqualTo(9.0);
  }

  /**
   * Random dates and timestamps of years 5..9892 in the shapes java.time writes (seconds, millis, micros and
   * nanos; nanos are cut to micros), with a space or a T, local and with Z.
   */
  @Test
  void randomTimestampsAgreeWithJavaTime() throws ValueException {
    SplittableRandom random = new SplittableRandom(7);
    DateTimeFormatter[] shapes = {DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS")};
    TextValues.Timestamp ts = new TextValues.Timestamp();
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L);
      LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, random.nextInt(1_000_000_000), ZoneOffset.UTC);
      String date = t.toLocalDate().toString();
      assertThat(TextValues.parseDate(c(date), 0, date.length())).as(date)
          .isEqualTo((int) LocalDate.parse(date).toEpochDay());
      String text = t.format(shapes[i % shapes.length]);
      java.time.Instant expected = LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      long micros = Math.addExact(Math.multiplyExact(expected.getEpochSecond(), 1_000_000L),
          expected.getNano() / 1000);
      TextValues.parseTimestamp(c(text), 0, text.length(), ts);
      assertThat(ts.micros).as(text).isEqualTo(micros);
      assertThat(ts.hasOffset).isFalse();
      String z = text + "Z";
      TextValues.parseTimestamp(c(z), 0, z.length(), ts);
      assertThat(ts.micros).as(z).isEqualTo(micros);
      assertThat(ts.hasOffset).isTrue();
    }
  }
}
