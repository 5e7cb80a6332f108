package dev.partita.partition;

import dev.partita.schema.DataType;
import dev.partita.schema.DataType.Kind;
import java.util.Locale;
import java.util.Objects;

/**
 * A transform of a source column into a partition value. Immutable; equal by value.
 *
 * <ul>
 *   <li>{@code identity}: the value itself; any type but binary (a byte string has no safe path text).
 *   <li>{@code year}, {@code month} (1-12), {@code day} (day of month, 1-31): of a date or timestamp;
 *       {@code hour} (0-23): of a timestamp; {@code date}: the calendar day of a date or timestamp, typed date.
 *       Instants ({@link DataType#timestampTz()}) are read in the spec's time zone, local timestamps as stored.
 *       Unlike Iceberg's year/month/day/hour these are Hive-style calendar fields, not counts since 1970.
 *   <li>{@code bucket[N]}: Iceberg's bucket transform, {@code (murmur3_x86_32(bytes) & Integer.MAX_VALUE) % N},
 *       of an integer, decimal, date, time, timestamp, string or binary value.
 *   <li>{@code truncate[W]}: Iceberg's truncate: integers and decimals (on the unscaled value) round down to a
 *       multiple of W, strings keep their first W code points, binary its first W bytes.
 * </ul>
 *
 * <p>Every transform maps null to null.
 */
public final class Transform {

  /** The transform families. */
  enum Family {
    IDENTITY("identity"),
    YEAR("year"),
    MONTH("month"),
    DAY("day"),
    HOUR("hour"),
    DATE("date"),
    BUCKET("bucket"),
    TRUNCATE("truncate");

    final String label;

    Family(String label) {
      this.label = label;
    }
  }

  private static final Transform IDENTITY = new Transform(Family.IDENTITY, 0);
  private static final Transform YEAR = new Transform(Family.YEAR, 0);
  private static final Transform MONTH = new Transform(Family.MONTH, 0);
  private static final Transform DAY = new Transform(Family.DAY, 0);
  private static final Transform HOUR = new Transform(Family.HOUR, 0);
  private static final Transform DATE = new Transform(Family.DATE, 0);

  private final Family family;
  private final int parameter;

  private Transform(Family family, int parameter) {
    this.family = family;
    this.parameter = parameter;
  }

  /** The value itself. */
  public static Transform identity() {
    return IDENTITY;
  }

  /** The calendar year of a date or timestamp, e.g. 2024. */
  public static Transform year() {
    return YEAR;
  }

  /** The month of year of a date or timestamp, 1-12. */
  public static Transform month() {
    return MONTH;
  }

  /** The day of month of a date or timestamp, 1-31. */
  public static Transform day() {
    return DAY;
  }

  /** The hour of day of a timestamp, 0-23. */
  public static Transform hour() {
    return HOUR;
  }

  /** The calendar day of a date or timestamp, as a date (path text {@code 2024-03-05}). */
  public static Transform date() {
    return DATE;
  }

  /**
   * Iceberg's hash bucket in {@code 0..n-1}.
   *
   * @param n the number of buckets, in 1..2147483647
   * @throws IllegalArgumentException when {@code n} is out of range
   */
  public static Transform bucket(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("bucket count must be in 1.." + Integer.MAX_VALUE + ", got " + n);
    }
    return new Transform(Family.BUCKET, n);
  }

  /**
   * Iceberg's truncation to {@code width}: numbers round down to a multiple of it, strings keep that many code
   * points, binary that many bytes.
   *
   * @param width the width, in 1..2147483647
   * @throws IllegalArgumentException when {@code width} is out of range
   */
  public static Transform truncate(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("truncate width must be in 1.." + Integer.MAX_VALUE + ", got " + width);
    }
    return new Transform(Family.TRUNCATE, width);
  }

  /**
   * Parses the names {@link #toString()} produces, case-insensitively: {@code identity}, {@code year},
   * {@code month}, {@code day}, {@code hour}, {@code date}, {@code bucket[16]} or {@code bucket(16)},
   * {@code truncate[4]} or {@code truncate(4)}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Transform parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip().toLowerCase(Locale.ROOT);
    int open = indexOfOpen(t);
    if (open < 0) {
      for (Family f : Family.values()) {
        if (f.label.equals(t) && f != Family.BUCKET && f != Family.TRUNCATE) {
          return ofFamily(f);
        }
      }
      throw unknown(text);
    }
    char close = t.charAt(open) == '[' ? ']' : ')';
    if (t.charAt(t.length() - 1) != close) {
      throw unknown(text);
    }
    String name = t.substring(0, open).strip();
    String arg = t.substring(open + 1, t.length() - 1).strip();
    int n;
    try {
      n = Integer.parseInt(arg);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad transform '" + text + "': the argument '" + arg
          + "' is not an integer in 1.." + Integer.MAX_VALUE, e);
    }
    return switch (name) {
      case "bucket" -> bucket(n);
      case "truncate" -> truncate(n);
      default -> throw unknown(text);
    };
  }

  private static int indexOfOpen(String t) {
    int a = t.indexOf('[');
    int b = t.indexOf('(');
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }

  private static IllegalArgumentException unknown(String text) {
    return new IllegalArgumentException("unknown transform '" + text + "'; use one of identity, year, month, day,"
        + " hour, date, bucket[N], truncate[W]");
  }

  private static Transform ofFamily(Family f) {
    return switch (f) {
      case IDENTITY -> IDENTITY;
      case YEAR -> YEAR;
      case MONTH -> MONTH;
      case DAY -> DAY;
      case HOUR -> HOUR;
      case DATE -> DATE;
      case BUCKET, TRUNCATE -> throw new IllegalStateException(f.label + " needs an argument");
    };
  }

  /** The family name: {@code identity}, {@code year}, {@code month}, {@code day}, {@code hour}, {@code date},
   * {@code bucket} or {@code truncate}. */
  public String name() {
    return family.label;
  }

  /** The bucket count or truncate width; 0 for the other transforms. */
  public int parameter() {
    return parameter;
  }

  /** Whether this is the identity transform. */
  public boolean isIdentity() {
    return family == Family.IDENTITY;
  }

  Family family() {
    return family;
  }

  /**
   * The type of this transform's values for a source column of type {@code source}: the source type for identity
   * and truncate (int32 for truncated int8/int16, whose results may leave the narrow range), int32 for year, month,
   * day, hour and bucket, date for date.
   *
   * @throws IllegalArgumentException naming the transform and the source type when it does not apply
   */
  public DataType resultType(DataType source) {
    Objects.requireNonNull(source, "source");
    Kind k = source.kind();
    switch (family) {
      case IDENTITY:
        if (k == Kind.BINARY) {
          throw notApplicable(source, "binary values have no safe path text and cannot be partition values;"
              + " use bucket[N] or truncate[W] instead");
        }
        return source;
      case YEAR:
      case MONTH:
      case DAY:
        if (k == Kind.DATE || k == Kind.TIMESTAMP) {
          return DataType.int32();
        }
        throw notApplicable(source, "it applies to date and timestamp columns");
      case HOUR:
        if (k == Kind.TIMESTAMP) {
          return DataType.int32();
        }
        throw notApplicable(source, "it applies to timestamp columns");
      case DATE:
        if (k == Kind.DATE || k == Kind.TIMESTAMP) {
          return DataType.date();
        }
        throw notApplicable(source, "it applies to date and timestamp columns");
      case BUCKET:
        return switch (k) {
          case INT32, INT64, DECIMAL, DATE, TIME, TIMESTAMP, STRING, BINARY -> DataType.int32();
          default -> throw notApplicable(source,
              "it applies to integer, decimal, date, time, timestamp, string and binary columns");
        };
      case TRUNCATE:
        return switch (k) {
          case INT32 -> DataType.int32();
          case INT64, DECIMAL, STRING, BINARY -> source;
          default -> throw notApplicable(source, "it applies to integer, decimal, string and binary columns");
        };
      default:
        throw new IllegalStateException(family.name());
    }
  }

  private IllegalArgumentException notApplicable(DataType source, String why) {
    return new IllegalArgumentException("transform " + this + " cannot be applied to a column of type " + source
        + ": " + why);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transform t && t.family == family && t.parameter == parameter;
  }

  @Override
  public int hashCode() {
    return family.ordinal() * 31 + parameter;
  }

  /** {@code year}, {@code bucket[16]}, {@code truncate[4]}: Iceberg's notation, accepted by {@link #parse}. */
  @Override
  public String toString() {
    return switch (family) {
      case BUCKET, TRUNCATE -> family.label + "[" + parameter + "]";
      default -> family.label;
    };
  }
}
