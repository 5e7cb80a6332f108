package dev.partita.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * year, month, day, hour and date of dates, local timestamps and instants, compared with java.time in UTC, in
 * America/New_York around its DST changes, and in a fixed offset zone.
 */
class TemporalTransformTest {
  private static final Schema SCHEMA = Schema.builder()
      .optional("tstz", DataType.timestampTz())
      .optional("ts", DataType.timestamp())
      .optional("d", DataType.date())
      .build();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static PartitionSpec spec(ZoneId zone) {
    return PartitionSpec.builder(SCHEMA)
        .year("tstz").month("tstz").day("tstz").hour("tstz").date("tstz")
        .year("ts").month("ts").day("ts").hour("ts").date("ts")
        .year("d").month("d").day("d").date("d")
        .timeZone(zone)
        .build();
  }

  /** The expected field values, computed with java.time. */
  private static Object[] expected(long micros, int epochDay, ZoneId zone) {
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1000);
    ZonedDateTime z = instant.atZone(zone);
    LocalDateTime l = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return new Object[] {
        z.getYear(), z.getMonthValue(), z.getDayOfMonth(), z.getHour(), z.toLocalDate(),
        l.getYear(), l.getMonthValue(), l.getDayOfMonth(), l.getHour(), l.toLocalDate(),
        d.getYear(), d.getMonthValue(), d.getDayOfMonth(), d};
  }

  private static void check(PartitionSpec spec, long micros, int epochDay) {
    PartitionKey key = spec.newKey();
    key.set(new ObjectArrayRow(SCHEMA).wrap(new Object[] {micros, micros, epochDay}));
    Object[] want = expected(micros, epochDay, spec.timeZone());
    for (int i = 0; i < want.length; i++) {
      assertThat(key.get(i)).as("%s of micros %d / day %d in %s", spec.fields().get(i), micros, epochDay,
          spec.timeZone()).isEqualTo(want[i]);
    }
  }

  @Test
  void randomValuesMatchJavaTimeInSeveralZones() {
    Random random = new Random(20240310);
    for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, NEW_YORK, ZoneOffset.ofHoursMinutes(5, 30),
        ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Europe/London")}) {
      PartitionSpec spec = spec(zone);
      for (int i = 0; i < 3000; i++) {
        // Mostly 1900-2200 (the tabulated zone window), some far outside it, some before 1970.
        long micros = switch (i % 4) {
          case 0 -> (long) (random.nextDouble() * 7_258_118_400L - 2_208_988_800L) * 1_000_000L
              + random.nextInt(1_000_000);
          case 1 -> random.nextLong() >> 8; // about +-570 years around 1970... and beyond
          case 2 -> -random.nextInt(Integer.MAX_VALUE) * 1_000_000L - random.nextInt(1_000_000);
          default -> (long) (1_700_000_000L + random.nextInt(100_000_000)) * 1_000_000L;
        };
        int epochDay = random.nextInt(3_000_000) - 1_500_000;
        check(spec, micros, epochDay);
      }
    }
  }

  @Test
  void farFromTheTabulatedWindowStillFollowsTheZoneRules() {
    PartitionSpec spec = spec(NEW_YORK);
    for (String t : new String[] {"1700-07-01T12:00:00Z", "1799-12-31T23:59:59Z", "2300-07-01T04:30:00Z",
        "2500-01-01T00:00:00Z", "2999-03-15T12:00:00Z", "-1000-01-01T00:00:00Z", "+100000-01-01T00:00:00Z"}) {
      Instant i = Instant.parse(t);
      check(spec, i.getEpochSecond() * 1_000_000L, 0);
    }
  }

  @Test
  void tabulatedOffsetsMatchZoneRulesAtEveryTransition() {
    for (String id : new String[] {"America/New_York", "Australia/Lord_Howe", "Europe/London", "Europe/Moscow",
        "Pacific/Apia", "Asia/Kolkata", "America/Sao_Paulo"}) {
      ZoneId zone = ZoneId.of(id);
      ZoneCalendar calendar = new ZoneCalendar(zone);
      java.time.zone.ZoneRules rules = zone.getRules();
      java.time.zone.ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(ZoneCalendar.TABLE_FROM - 1));
      int count = 0;
      while (t != null && t.toEpochSecond() < ZoneCalendar.TABLE_UNTIL + 86_400L * 400) {
        for (long s = t.toEpochSecond() - 2; s <= t.toEpochSecond() + 2; s++) {
          assertThat(calendar.offsetSeconds(s)).as("%s at %d", id, s)
              .isEqualTo(rules.getOffset(Instant.ofEpochSecond(s)).getTotalSeconds());
        }
        count++;
        t = rules.nextTransition(t.getInstant());
      }
      assertThat(count).as(id).isPositive();
    }
  }

  /**
   * Before {@link ZoneCalendar#TABLE_FROM} and after {@link ZoneCalendar#TABLE_UNTIL} the offsets come from the first
   * offset and the 400-year cycle, not from {@link java.time.zone.ZoneRules}: compare them with it in every zone, at
   * random instants over the whole range of micros and around the transitions of far years.
   */
  @Test
  void offsetsOutsideTheWindowMatchZoneRulesInEveryZone() {
    Random random = new Random(2500);
    long maxSecond = Long.MAX_VALUE / 1_000_000L;
    int[] years = {2500, 2501, 2899, 2900, 2901, 9999, 10_000, 123_456, 290_000};
    int transitionsChecked = 0;
    for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
      ZoneId zone = ZoneId.of(id);
      java.time.zone.ZoneRules rules = zone.getRules();
      ZoneCalendar calendar = new ZoneCalendar(zone);
      List<Long> seconds = new ArrayList<>(List.of(Long.MIN_VALUE / 1_000_000L, -maxSecond / 2,
          ZoneCalendar.TABLE_FROM - 1, ZoneCalendar.TABLE_FROM, ZoneCalendar.TABLE_UNTIL - 1,
          ZoneCalendar.TABLE_UNTIL, ZoneCalendar.TABLE_UNTIL + ZoneCalendar.CYCLE, maxSecond));
      for (int i = 0; i < 100; i++) {
        seconds.add(random.nextLong() % maxSecond);
      }
      for (int year : years) {
        java.time.zone.ZoneOffsetTransition t =
            rules.nextTransition(Instant.ofEpochSecond(LocalDate.of(year, 1, 1).toEpochDay() * 86_400L));
        for (int k = 0; k < 2 && t != null; k++, t = rules.nextTransition(t.getInstant())) {
          for (long d = -2; d <= 2; d++) {
            seconds.add(t.toEpochSecond() + d);
          }
          transitionsChecked++;
        }
      }
      for (long s : seconds) {
        assertThat(calendar.offsetSeconds(s)).as("%s at %d", id, s)
            .isEqualTo(rules.getOffset(Instant.ofEpochSecond(s)).getTotalSeconds());
      }
    }
    assertThat(transitionsChecked).as("transitions of far years checked").isGreaterThan(1000);
  }

  @Test
  void springForwardInNewYork() {
    PartitionSpec spec = spec(NEW_YORK);
    // 2024-03-10: 01:59:59 EST is followed by 03:00:00 EDT.
    PartitionKey key = keyAt(spec, "2024-03-10T06:59:59.999999Z");
    assertThat(key.get(3)).isEqualTo(1);
    assertThat(key.get(2)).isEqualTo(10);
    key = keyAt(spec, "2024-03-10T07:00:00Z");
    assertThat(key.get(3)).isEqualTo(3);
    assertThat(key.get(4)).isEqualTo(LocalDate.of(2024, 3, 10));
    // The local timestamp of the same micros is not shifted.
    assertThat(key.get(8)).isEqualTo(7);
  }

  @Test
  void fallBackInNewYorkMapsBothInstantsOfTheRepeatedHourToHourOne() {
    PartitionSpec spec = spec(NEW_YORK);
    PartitionKey edt = keyAt(spec, "2024-11-03T05:30:00Z"); // 01:30 EDT
    PartitionKey est = keyAt(spec, "2024-11-03T06:30:00Z"); // 01:30 EST
    assertThat(edt.get(3)).isEqualTo(1);
    assertThat(est.get(3)).isEqualTo(1);
    assertThat(edt.get(2)).isEqualTo(3);
    assertThat(est.get(2)).isEqualTo(3);
    // The identity of those instants differs, and so do their paths (the offset is part of the text).
    Schema s = Schema.builder().required("tstz", DataType.timestampTz()).build();
    PartitionSpec identity = PartitionSpec.builder(s).identity("tstz").timeZone(NEW_YORK).build();
    PartitionPaths paths = PartitionPaths.of(identity);
    PartitionKey a = identity.newKey();
    a.set(new ObjectArrayRow(s).wrap(new Object[] {Instant.parse("2024-11-03T05:30:00Z")}));
    PartitionKey b = identity.newKey();
    b.set(new ObjectArrayRow(s).wrap(new Object[] {Instant.parse("2024-11-03T06:30:00Z")}));
    assertThat(paths.path(a)).isEqualTo("tstz=2024-11-03 01%3A30%3A00-04%3A00");
    assertThat(paths.path(b)).isEqualTo("tstz=2024-11-03 01%3A30%3A00-05%3A00");
    assertThat(paths.parse(paths.path(a))).containsExactly(Instant.parse("2024-11-03T05:30:00Z"));
    assertThat(paths.parse(paths.path(b))).containsExactly(Instant.parse("2024-11-03T06:30:00Z"));
  }

  @Test
  void newYearInNewYorkIsStillTheOldYear() {
    PartitionKey ny = keyAt(spec(NEW_YORK), "2024-01-01T04:59:59Z");
    assertThat(new Object[] {ny.get(0), ny.get(1), ny.get(2), ny.get(3), ny.get(4)})
        .containsExactly(2023, 12, 31, 23, LocalDate.of(2023, 12, 31));
    PartitionKey utc = keyAt(spec(ZoneOffset.UTC), "2024-01-01T04:59:59Z");
    assertThat(new Object[] {utc.get(0), utc.get(1), utc.get(2), utc.get(3), utc.get(4)})
        .containsExactly(2024, 1, 1, 4, LocalDate.of(2024, 1, 1));
  }

  @Test
  void civilDateArithmeticMatchesLocalDateOverAWideRange() {
    for (int day = -800_000; day <= 800_000; day += 1) {
      LocalDate d = LocalDate.ofEpochDay(day);
      if (ZoneCalendar.year(day) != d.getYear() || ZoneCalendar.month(day) != d.getMonthValue()
          || ZoneCalendar.dayOfMonth(day) != d.getDayOfMonth()) {
        throw new AssertionError("epoch day " + day + ": " + d + " vs " + ZoneCalendar.year(day) + "-"
            + ZoneCalendar.month(day) + "-" + ZoneCalendar.dayOfMonth(day));
      }
    }
    for (int day : new int[] {Integer.MIN_VALUE / 4, Integer.MAX_VALUE / 4, 365_241_780}) {
      LocalDate d = LocalDate.ofEpochDay(day);
      assertThat(new int[] {ZoneCalendar.year(day), ZoneCalendar.month(day), ZoneCalendar.dayOfMonth(day)})
          .containsExactly(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
  }

  @Test
  void nullSourceGivesNullFields() {
    PartitionSpec spec = spec(NEW_YORK);
    PartitionKey key = spec.newKey();
    key.set(new ObjectArrayRow(SCHEMA).wrap(new Object[] {null, null, null}));
    for (int i = 0; i < key.size(); i++) {
      assertThat(key.get(i)).isNull();
      assertThat(key.isNull(i)).isTrue();
    }
    assertThat(PartitionPaths.of(spec).path(key)).startsWith("tstz_year=__HIVE_DEFAULT_PARTITION__/");
  }

  private static PartitionKey keyAt(PartitionSpec spec, String instant) {
    Instant i = Instant.parse(instant);
    long micros = i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    PartitionKey key = spec.newKey();
    key.set(new ObjectArrayRow(SCHEMA).wrap(new Object[] {micros, micros, 0}));
    return key;
  }
}
