package dev.partita.partition;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;

/**
 * Allocation-free calendar arithmetic for the temporal transforms: local epoch seconds of an instant in a zone, and
 * the proleptic Gregorian year, month and day of an epoch day. Immutable and thread-safe.
 *
 * <p>For a zone with transitions the offsets between {@link #TABLE_FROM} and {@link #TABLE_UNTIL} are tabulated once,
 * with an index of the last transition before each 2^21-second (about 24-day) slot, so that a lookup is a table read
 * plus rarely a step or two. Before the window a zone without earlier transitions keeps its first offset. After it,
 * once a zone's explicit transitions have ended (before {@code TABLE_UNTIL - CYCLE}, 2100), only its yearly rules
 * apply, and they repeat every 400 Gregorian years ({@link #CYCLE}, a whole number of weeks), so the instant is
 * moved back by whole cycles into the window. Only a zone that fits neither case asks {@link ZoneRules}, which
 * allocates; no zone of JDK 17's time-zone database does (its last explicit transition is in 2087).
 */
final class ZoneCalendar {
  static final long SECONDS_PER_DAY = 86_400L;
  static final long MICROS_PER_SECOND = 1_000_000L;
  /** 1800-01-01T00:00Z: start of the tabulated window. */
  static final long TABLE_FROM = -5_364_662_400L;
  /** 2500-01-01T00:00Z: end of the tabulated window. */
  static final long TABLE_UNTIL = 16_725_225_600L;
  /** Seconds in 400 Gregorian years: 146,097 days, 20,871 weeks; the calendar and yearly zone rules repeat. */
  static final long CYCLE = 146_097L * SECONDS_PER_DAY;

  private final ZoneId zone;
  private final ZoneRules rules;
  private final boolean fixed;
  private final int fixedOffset;
  /** Transition instants in epoch seconds, ascending; offsets[i] holds from transitions[i] on. */
  private final long[] transitions;
  private final int[] offsets;
  private final int offsetBeforeFirst;
  /** Whether no transition is at or before TABLE_FROM, so that offsetBeforeFirst holds for all earlier instants. */
  private final boolean constantBefore;
  /** Whether only the zone's yearly rules apply from TABLE_UNTIL - CYCLE on, so that offsets repeat every CYCLE. */
  private final boolean cyclicAfter;
  /** slotIndex[k]: index of the last transition at or before TABLE_FROM + (k << SLOT_SHIFT), or -1. */
  private final int[] slotIndex;
  private static final int SLOT_SHIFT = 21;

  ZoneCalendar(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.fixed = rules.isFixedOffset();
    this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    if (fixed) {
      transitions = new long[0];
      offsets = new int[0];
      offsetBeforeFirst = fixedOffset;
      constantBefore = true;
      cyclicAfter = true;
      slotIndex = new int[0];
      return;
    }
    long[] ts = new long[64];
    int[] os = new int[64];
    int n = 0;
    Instant from = Instant.ofEpochSecond(TABLE_FROM);
    offsetBeforeFirst = rules.getOffset(from).getTotalSeconds();
    constantBefore = rules.previousTransition(Instant.ofEpochSecond(TABLE_FROM + 1)) == null;
    List<ZoneOffsetTransition> explicit = rules.getTransitions();
    cyclicAfter = explicit.isEmpty() || explicit.get(explicit.size() - 1).toEpochSecond() < TABLE_UNTIL - CYCLE;
    ZoneOffsetTransition t = rules.nextTransition(from);
    while (t != null && t.toEpochSecond() < TABLE_UNTIL) {
      if (n == ts.length) {
        ts = Arrays.copyOf(ts, n * 2);
        os = Arrays.copyOf(os, n * 2);
      }
      ts[n] = t.toEpochSecond();
      os[n] = t.getOffsetAfter().getTotalSeconds();
      n++;
      t = rules.nextTransition(t.getInstant());
    }
    transitions = Arrays.copyOf(ts, n);
    offsets = Arrays.copyOf(os, n);
    slotIndex = new int[(int) ((TABLE_UNTIL - TABLE_FROM) >>> SLOT_SHIFT) + 1];
    int last = -1;
    for (int k = 0; k < slotIndex.length; k++) {
      long slotStart = TABLE_FROM + ((long) k << SLOT_SHIFT);
      while (last + 1 < n && transitions[last + 1] <= slotStart) {
        last++;
      }
      slotIndex[k] = last;
    }
  }

  /** The zone. */
  ZoneId zone() {
    return zone;
  }

  /** Whether the zone has a single offset for all time. */
  boolean isFixedOffset() {
    return fixed;
  }

  /** Offset from UTC in seconds at the instant {@code epochSecond}. */
  int offsetSeconds(long epochSecond) {
    if (fixed) {
      return fixedOffset;
    }
    long s = epochSecond;
    if (s < TABLE_FROM) {
      if (constantBefore) {
        return offsetBeforeFirst;
      }
      return rules.getOffset(Instant.ofEpochSecond(s)).getTotalSeconds();
    }
    if (s >= TABLE_UNTIL) {
      if (!cyclicAfter) {
        return rules.getOffset(Instant.ofEpochSecond(s)).getTotalSeconds();
      }
      s = TABLE_UNTIL - CYCLE + (s - TABLE_UNTIL) % CYCLE; // same offset, whole cycles earlier, inside the window
    }
    int i = slotIndex[(int) ((s - TABLE_FROM) >>> SLOT_SHIFT)];
    while (i + 1 < transitions.length && transitions[i + 1] <= s) {
      i++; // a transition inside the slot, before s
    }
    return i < 0 ? offsetBeforeFirst : offsets[i];
  }

  /** Local epoch seconds (wall clock read as UTC) of the instant {@code epochMicros} in this zone. */
  long localEpochSecond(long epochMicros) {
    long s = Math.floorDiv(epochMicros, MICROS_PER_SECOND);
    return s + offsetSeconds(s);
  }

  /** The zone offset of an instant, as an object (for formatting, not for hot paths). */
  ZoneOffset offset(long epochSecond) {
    return ZoneOffset.ofTotalSeconds(offsetSeconds(epochSecond));
  }

  /** Epoch day of local epoch seconds. */
  static int epochDay(long localEpochSecond) {
    return Math.toIntExact(Math.floorDiv(localEpochSecond, SECONDS_PER_DAY));
  }

  /** Hour of day (0-23) of local epoch seconds. */
  static int hourOfDay(long localEpochSecond) {
    return (int) (Math.floorMod(localEpochSecond, SECONDS_PER_DAY) / 3600);
  }

  // Days to civil date after H. Hinnant's "chrono-compatible low-level date algorithms": shift the year to start
  // on March 1st so that the leap day is last, then split into 400-year eras of 146097 days.

  /** Proleptic Gregorian year of an epoch day. */
  static int year(int epochDay) {
    long z = epochDay + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    int doe = (int) (z - era * 146_097L);
    int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    return (int) (yoe + era * 400) + (mp >= 10 ? 1 : 0);
  }

  /** Month of year (1-12) of an epoch day. */
  static int month(int epochDay) {
    int mp = marchMonth(epochDay);
    return mp < 10 ? mp + 3 : mp - 9;
  }

  /** Day of month (1-31) of an epoch day. */
  static int dayOfMonth(int epochDay) {
    long z = epochDay + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    int doe = (int) (z - era * 146_097L);
    int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    return doy - (153 * mp + 2) / 5 + 1;
  }

  private static int marchMonth(int epochDay) {
    long z = epochDay + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    int doe = (int) (z - era * 146_097L);
    int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    return (5 * doy + 2) / 153;
  }
}
