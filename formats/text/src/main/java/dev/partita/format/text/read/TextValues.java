package dev.partita.format.text.read;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Parses typed values straight from char slices (such as the fields of a {@link TextRecord}), without creating
 * strings for the common cases: integers, decimal numbers of up to 15 significant digits (Clinger's exact fast
 * path; longer ones through {@link Double#parseDouble}), booleans, ISO dates {@code yyyy-MM-dd}, times
 * {@code HH:mm[:ss[.fraction]]} and timestamps {@code date[T| ]time[Z|±HH[:mm]]}. Leading and trailing spaces
 * and tabs are ignored. Failures throw a {@link ValueException} (without a stack trace) whose message quotes the
 * text and says what it is not.
 */
public final class TextValues {
  private static final double[] POW10 = new double[23];
  private static final long MAX_EXACT = 1L << 53;

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** The words {@link #parseBoolean} accepts, in any case. */
  public enum Booleans {
    /** {@code true} and {@code false}. */
    WORDS("true/false"),
    /** Also {@code t}/{@code f} and {@code 1}/{@code 0}. */
    SHORT("true/false, t/f, 1/0"),
    /** Also {@code t}/{@code f}, {@code yes}/{@code no}, {@code y}/{@code n} and {@code 1}/{@code 0}. */
    LENIENT("true/false, t/f, yes/no, 1/0");

    private final String forms;

    Booleans(String forms) {
      this.forms = forms;
    }

    /** The accepted forms, for messages: {@code true/false, t/f, 1/0}. */
    public String forms() {
      return forms;
    }
  }

  /** Fields of the last timestamp parsed into it by {@link #parseTimestamp}; reuse one per reader. */
  public static final class Timestamp {
    /** Microseconds since the epoch, as if in UTC when {@link #hasOffset} is false. */
    public long micros;
    /** Whether the text carried a zone offset ({@code Z} or {@code ±HH:mm}), already applied to micros. */
    public boolean hasOffset;
    /** Whether the text was a date alone. */
    public boolean dateOnly;
    private int year;
    private int month;
    private int day;
    private long microsOfDay;
    private int timeEnd;

    /** A reusable holder. */
    public Timestamp() {}

    /**
     * The instant of the last parsed local value in {@code zone} (for values without an offset in a
     * {@code timestamptz} column).
     */
    public long inZone(ZoneId zone) {
      if (hasOffset) {
        return micros;
      }
      int offset;
      if (zone instanceof ZoneOffset z) {
        offset = z.getTotalSeconds();
      } else {
        LocalDateTime l = LocalDateTime.of(year, month, day, 0, 0).plusNanos(microsOfDay * 1000);
        offset = zone.getRules().getOffset(l).getTotalSeconds();
      }
      return micros - offset * 1_000_000L;
    }
  }

  private TextValues() {}

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }

  /** The first index in {@code [from, end)} that is not a space or tab, else {@code end}. */
  private static int trimStart(char[] c, int from, int end) {
    int i = from;
    while (i < end && blank(c[i])) {
      i++;
    }
    return i;
  }

  /** One past the last index in {@code [start, end)} that is not a space or tab, else {@code start}. */
  private static int trimEnd(char[] c, int start, int end) {
    int e = end;
    while (e > start && blank(c[e - 1])) {
      e--;
    }
    return e;
  }

  /** Parses a decimal integer. */
  public static long parseLong(char[] c, int off, int len) throws ValueException {
    int i = trimStart(c, off, off + len);
    int end = trimEnd(c, i, off + len);
    if (i == end) {
      throw bad("an integer", c, off, len);
    }
    boolean neg = false;
    if (c[i] == '-' || c[i] == '+') {
      neg = c[i] == '-';
      i++;
      if (i == end) {
        throw bad("an integer", c, off, len);
      }
    }
    long v = 0;
    for (; i < end; i++) {
      int d = c[i] - '0';
      if (d < 0 || d > 9) {
        throw bad("an integer", c, off, len);
      }
      // Accumulate negatively: Long.MIN_VALUE has no positive counterpart.
      if (v < (Long.MIN_VALUE + d) / 10) {
        throw new ValueException(-1, "'" + new String(c, off, len) + "' is out of the int64 range");
      }
      v = v * 10 - d;
    }
    if (!neg) {
      if (v == Long.MIN_VALUE) {
        throw new ValueException(-1, "'" + new String(c, off, len) + "' is out of the int64 range");
      }
      v = -v;
    }
    return v;
  }

  /** Whether the slice is an integer in decimal digits (with an optional sign), whatever its size. */
  public static boolean isIntegerSyntax(char[] c, int off, int len) {
    int i = trimStart(c, off, off + len);
    int end = trimEnd(c, i, off + len);
    if (i < end && (c[i] == '-' || c[i] == '+')) {
      i++;
    }
    if (i == end) {
      return false;
    }
    for (; i < end; i++) {
      if (c[i] < '0' || c[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /** Parses a decimal number ({@code 1}, {@code -2.5}, {@code 1e-3}), or {@code NaN}, {@code Infinity}, {@code inf}. */
  public static double parseDouble(char[] c, int off, int len) throws ValueException {
    int i = trimStart(c, off, off + len);
    int end = trimEnd(c, i, off + len);
    int s = i;
    if (i == end) {
      throw bad("a number", c, off, len);
    }
    boolean neg = false;
    if (c[i] == '-' || c[i] == '+') {
      neg = c[i] == '-';
      i++;
    }
    long m = 0;
    int sig = 0;
    int exp = 0;
    int digits = 0;
    boolean dot = false;
    for (; i < end; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        digits++;
        if (m == 0 && ch == '0') {
          if (dot) {
            exp--;
          }
          continue;
        }
        if (sig < 18) {
          m = m * 10 + (ch - '0');
          sig++;
          if (dot) {
            exp--;
          }
        } else {
          sig++;
          if (!dot) {
            exp++;
          }
        }
      } else if (ch == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return special(c, s, end, off, len);
    }
    if (i < end) {
      char ch = c[i];
      if (ch != 'e' && ch != 'E') {
        throw bad("a number", c, off, len);
      }
      i++;
      boolean eneg = false;
      if (i < end && (c[i] == '-' || c[i] == '+')) {
        eneg = c[i] == '-';
        i++;
      }
      if (i == end) {
        throw bad("a number", c, off, len);
      }
      int e = 0;
      for (; i < end; i++) {
        int d = c[i] - '0';
        if (d < 0 || d > 9) {
          throw bad("a number", c, off, len);
        }
        if (e < 100_000) {
          e = e * 10 + d;
        }
      }
      exp += eneg ? -e : e;
    }
    if (sig <= 15 && m < MAX_EXACT && exp >= -22 && exp <= 22) {
      double v = exp >= 0 ? m * POW10[exp] : m / POW10[-exp];
      return neg ? -v : v;
    }
    if (m == 0) {
      return neg ? -0.0 : 0.0;
    }
    return Double.parseDouble(new String(c, s, end - s));
  }

  private static double special(char[] c, int s, int end, int off, int len) throws ValueException {
    String t = new String(c, s, end - s).toLowerCase(Locale.ROOT);
    return switch (t) {
      case "nan", "+nan", "-nan" -> Double.NaN;
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> throw bad("a number", c, off, len);
    };
  }

  /**
   * Parses a decimal number ({@code -12.50}, {@code 1E+3}) exactly, as {@link BigDecimal} reads it; the caller
   * fits it to a precision and scale.
   */
  public static BigDecimal parseDecimal(char[] c, int off, int len) throws ValueException {
    int i = trimStart(c, off, off + len);
    int end = trimEnd(c, i, off + len);
    if (i == end) {
      throw bad("a decimal number", c, off, len);
    }
    try {
      return new BigDecimal(c, i, end - i);
    } catch (NumberFormatException e) {
      throw bad("a decimal number", c, off, len);
    }
  }

  /** Parses a float32 (through {@link Float#parseFloat} for exact rounding). */
  public static float parseFloat(char[] c, int off, int len) throws ValueException {
    double d = parseDouble(c, off, len); // validates the syntax
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return (float) d;
    }
    return Float.parseFloat(new String(c, off, len).strip());
  }

  /** Parses a boolean written in one of the forms of {@code accepted}, in any case. */
  public static boolean parseBoolean(char[] c, int off, int len, Booleans accepted) throws ValueException {
    int i = trimStart(c, off, off + len);
    int end = trimEnd(c, i, off + len);
    int n = end - i;
    if (n == 4 && eq(c, i, "true")) {
      return true;
    }
    if (n == 5 && eq(c, i, "false")) {
      return false;
    }
    if (accepted != Booleans.WORDS) {
      if (n == 1) {
        char ch = Character.toLowerCase(c[i]);
        if (ch == 't' || ch == '1' || (ch == 'y' && accepted == Booleans.LENIENT)) {
          return true;
        }
        if (ch == 'f' || ch == '0' || (ch == 'n' && accepted == Booleans.LENIENT)) {
          return false;
        }
      }
      if (accepted == Booleans.LENIENT) {
        if (n == 3 && eq(c, i, "yes")) {
          return true;
        }
        if (n == 2 && eq(c, i, "no")) {
          return false;
        }
      }
    }
    throw bad(accepted == Booleans.WORDS ? "a boolean" : "a boolean (" + accepted.forms() + ")", c, off, len);
  }

  private static boolean eq(char[] c, int i, String lower) {
    for (int k = 0; k < lower.length(); k++) {
      if (Character.toLowerCase(c[i + k]) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Parses {@code yyyy-MM-dd} into days since 1970-01-01. */
  public static int parseDate(char[] c, int off, int len) throws ValueException {
    int i = trimStart(c, off, off + len);
    int end = trimEnd(c, i, off + len);
    if (end - i != 10) {
      throw bad("a date (yyyy-MM-dd)", c, off, len);
    }
    return (int) date(c, i, off, len, "a date (yyyy-MM-dd)", null);
  }

  /**
   * Days since the epoch of the 10 chars {@code yyyy-MM-dd} at {@code i}; validates month and day. With
   * {@code at}, also stores the year, month and day there.
   */
  private static long date(char[] c, int i, int off, int len, String what, Timestamp at) throws ValueException {
    if (c[i + 4] != '-' || c[i + 7] != '-') {
      throw bad(what, c, off, len);
    }
    int y = digits(c, i, 4, off, len, what);
    int m = digits(c, i + 5, 2, off, len, what);
    int d = digits(c, i + 8, 2, off, len, what);
    if (m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) {
      throw new ValueException(-1, "'" + new String(c, off, len) + "' is not a valid calendar date");
    }
    if (at != null) {
      at.year = y;
      at.month = m;
      at.day = d;
    }
    return daysFromCivil(y, m, d);
  }

  private static int monthLength(int y, int m) {
    return switch (m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long daysFromCivil(long y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  private static int digits(char[] c, int i, int n, int off, int len, String what) throws ValueException {
    int v = 0;
    for (int k = i; k < i + n; k++) {
      int d = c[k] - '0';
      if (d < 0 || d > 9) {
        throw bad(what, c, off, len);
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Parses {@code HH:mm[:ss[.fraction]]} into microseconds since midnight (fraction digits past 6 dropped). */
  public static long parseTime(char[] c, int off, int len) throws ValueException {
    int i = trimStart(c, off, off + len);
    int end = trimEnd(c, i, off + len);
    return time(c, i, end, off, len, "a time (HH:mm[:ss[.ffffff]])", null);
  }

  /**
   * Microseconds since midnight of the time at {@code i}. With {@code at}, stores where its text ends in
   * {@code at.timeEnd} (a zone offset may follow); without, the time must end at {@code end}.
   */
  private static long time(char[] c, int i, int end, int off, int len, String what, Timestamp at)
      throws ValueException {
    if (end - i < 5 || c[i + 2] != ':') {
      throw bad(what, c, off, len);
    }
    int h = digits(c, i, 2, off, len, what);
    int mi = digits(c, i + 3, 2, off, len, what);
    int s = 0;
    long micros = 0;
    int k = i + 5;
    if (k < end && c[k] == ':') {
      if (end - k < 3) {
        throw bad(what, c, off, len);
      }
      s = digits(c, k + 1, 2, off, len, what);
      k += 3;
      if (k < end && (c[k] == '.' || c[k] == ',')) {
        k++;
        int n = 0;
        while (k < end && c[k] >= '0' && c[k] <= '9') {
          if (n < 6) {
            micros = micros * 10 + (c[k] - '0');
          }
          n++;
          k++;
        }
        if (n == 0) {
          throw bad(what, c, off, len);
        }
        for (int p = Math.min(n, 6); p < 6; p++) {
          micros *= 10;
        }
      }
    }
    if (h > 23 || mi > 59 || s > 59) {
      throw new ValueException(-1, "'" + new String(c, off, len) + "' is not a valid time of day");
    }
    if (at != null) {
      at.timeEnd = k;
    } else if (k != end) {
      throw bad(what, c, off, len);
    }
    return ((h * 60L + mi) * 60 + s) * 1_000_000L + micros;
  }

  /**
   * Parses {@code yyyy-MM-dd}, or {@code yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]]} with an optional {@code Z},
   * {@code ±HH}, {@code ±HHmm} or {@code ±HH:mm}, into {@code out}.
   */
  public static void parseTimestamp(char[] c, int off, int len, Timestamp out) throws ValueException {
    String what = "a timestamp (yyyy-MM-dd HH:mm:ss[.ffffff][Z|±HH:mm])";
    int i = trimStart(c, off, off + len);
    int end = trimEnd(c, i, off + len);
    if (end - i < 10) {
      throw bad(what, c, off, len);
    }
    long days = date(c, i, off, len, what, out);
    out.hasOffset = false;
    out.microsOfDay = 0;
    int k = i + 10;
    out.dateOnly = k == end;
    if (k < end) {
      if (c[k] != 'T' && c[k] != ' ' && c[k] != 't') {
        throw bad(what, c, off, len);
      }
      out.microsOfDay = time(c, k + 1, end, off, len, what, out);
      k = out.timeEnd;
      if (k < end) {
        int offsetSeconds;
        char z = c[k];
        if ((z == 'Z' || z == 'z') && k + 1 == end) {
          offsetSeconds = 0;
        } else if (z == '+' || z == '-') {
          int n = end - k - 1;
          int oh;
          int om = 0;
          if (n == 2) {
            oh = digits(c, k + 1, 2, off, len, what);
          } else if (n == 4) {
            oh = digits(c, k + 1, 2, off, len, what);
            om = digits(c, k + 3, 2, off, len, what);
          } else if (n == 5 && c[k + 3] == ':') {
            oh = digits(c, k + 1, 2, off, len, what);
            om = digits(c, k + 4, 2, off, len, what);
          } else {
            throw bad(what, c, off, len);
          }
          if (oh > 18 || om > 59) {
            throw bad(what, c, off, len);
          }
          offsetSeconds = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
          throw bad(what, c, off, len);
        }
        out.hasOffset = true;
        out.micros = (days * 86_400L - offsetSeconds) * 1_000_000L + out.microsOfDay;
        return;
      }
    }
    out.micros = days * 86_400_000_000L + out.microsOfDay;
  }

  private static ValueException bad(String what, char[] c, int off, int len) {
    String v = new String(c, off, Math.min(len, 200));
    return new ValueException(-1, "'" + v + (len > 200 ? "..." : "") + "' is not " + what);
  }
}
