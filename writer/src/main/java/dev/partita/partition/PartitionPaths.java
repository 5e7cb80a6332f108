package dev.partita.partition;

import dev.partita.schema.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hive-style relative paths of a {@link PartitionSpec}'s partitions, {@code name=value/name=value}, and back.
 * Immutable and thread-safe.
 *
 * <p>Names and values are escaped exactly as Hive's {@code FileUtils.escapePathName} does ({@link #escape}); a
 * null value, or an empty string, is written as the default partition name. Every segment has the form
 * {@code escapedName=escapedValue}: it contains {@code =}, so it is never {@code .} or {@code ..}, and
 * {@code /}, {@code \} and NUL are always escaped, so a path can never leave the table root. {@link #path} rejects,
 * with an {@link InvalidPartitionException} and before any file exists, a value whose segment would be longer than
 * {@link #MAX_SEGMENT_BYTES} UTF-8 bytes, a string with an unpaired surrogate (not encodable in a file name), and a
 * value equal to the default partition name (it would read back as null).
 */
public final class PartitionPaths {

  /** The name Hive gives the partition of null (and empty string) values. */
  public static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

  /** The longest path segment accepted, in UTF-8 bytes: the file-name limit of common file systems. */
  public static final int MAX_SEGMENT_BYTES = 255;

  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
  // Bit c set: Hive escapes char c (0x00-0x1F, 0x7F and the punctuation listed in the static block).
  private static final long[] ESCAPED = new long[2];

  static {
    for (char c = 0; c < 0x20; c++) {
      mark(c);
    }
    for (char c : new char[] {'"', '#', '%', '\'', '*', '/', ':', '=', '?', '\\', '\u007F', '{', '[', ']', '^'}) {
      mark(c);
    }
  }

  private static void mark(char c) {
    ESCAPED[c >> 6] |= 1L << (c & 63);
  }

  private final PartitionSpec spec;
  private final String defaultName;
  private final String[] escapedNames;

  private PartitionPaths(PartitionSpec spec, String defaultName) {
    this.spec = spec;
    this.defaultName = defaultName;
    int n = spec.fields().size();
    this.escapedNames = new String[n];
    for (int i = 0; i < n; i++) {
      String name = spec.fields().get(i).name();
      int bad = unpairedSurrogate(name);
      if (bad >= 0) {
        throw new InvalidPartitionException(name, "the field name has an unpaired surrogate at index " + bad
            + "; names must be valid Unicode to become file names");
      }
      escapedNames[i] = escape(name);
    }
  }

  /** Paths for {@code spec} with {@link #DEFAULT_PARTITION_NAME} for nulls. */
  public static PartitionPaths of(PartitionSpec spec) {
    return new PartitionPaths(Objects.requireNonNull(spec, "spec"), DEFAULT_PARTITION_NAME);
  }

  /**
   * The same paths with another name for the null partition.
   *
   * @param name non-empty, without any character {@link #escape} would escape
   * @throws IllegalArgumentException naming the option and the rule
   */
  public PartitionPaths withDefaultPartitionName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || !escape(name).equals(name) || unpairedSurrogate(name) >= 0) {
      throw new IllegalArgumentException("defaultPartitionName must be non-empty valid Unicode without characters"
          + " that need escaping (control characters, DEL and any of \"#%'*/:=?\\{[]^), got '" + name + "'");
    }
    return new PartitionPaths(spec, name);
  }

  /** The spec. */
  public PartitionSpec spec() {
    return spec;
  }

  /** The name written for null and empty-string values. */
  public String defaultPartitionName() {
    return defaultName;
  }

  /**
   * The relative path of the key's partition: {@code year=2024/month=3}, without leading or trailing slash;
   * {@code ""} for an unpartitioned spec.
   *
   * @throws InvalidPartitionException naming the field and the value: a segment over {@link #MAX_SEGMENT_BYTES}
   *     bytes, an unpaired surrogate, or a value equal to the default partition name
   * @throws IllegalArgumentException when the key belongs to another spec
   */
  public String path(PartitionKey key) {
    checkSpec(key);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < escapedNames.length; i++) {
      String field = escapedNames[i];
      String text = text(key, i);
      String value;
      if (text == null) {
        value = defaultName;
      } else {
        int bad = unpairedSurrogate(text);
        if (bad >= 0) {
          throw new InvalidPartitionException(spec.fields().get(i).name(), "value '" + text
              + "' has an unpaired surrogate at index " + bad + "; it cannot be encoded in a file name");
        }
        if (text.equals(defaultName)) {
          throw new InvalidPartitionException(spec.fields().get(i).name(), "value '" + text
              + "' equals the default partition name and would read back as null; choose another default"
              + " partition name with withDefaultPartitionName");
        }
        value = escape(text);
      }
      int bytes = utf8Length(field) + 1 + utf8Length(value);
      if (bytes > MAX_SEGMENT_BYTES) {
        String shown = text == null ? value
            : text.length() > 40 ? FieldEvaluator.truncateString(text, 32) + "..." : text;
        throw new InvalidPartitionException(spec.fields().get(i).name(), "path segment of value '" + shown
            + "' is " + bytes + " bytes long after escaping, more than the " + MAX_SEGMENT_BYTES
            + " bytes a file name may have; partition by a shorter value (e.g. truncate[W] or bucket[N])");
      }
      if (i > 0) {
        sb.append('/');
      }
      sb.append(field).append('=').append(value);
    }
    return sb.toString();
  }

  /**
   * The field values of a relative path written by {@link #path}: unescaped and typed as {@link PartitionKey#get}
   * returns them, null for the default partition name.
   *
   * @throws InvalidPartitionException naming the segment: wrong number of segments, a field name out of order, a
   *     segment without {@code =}, or a value that does not parse as the field's type
   */
  public List<Object> parse(String relativePath) {
    Objects.requireNonNull(relativePath, "relativePath");
    int n = escapedNames.length;
    if (n == 0) {
      if (!relativePath.isEmpty()) {
        throw new InvalidPartitionException("(none)", "path '" + relativePath
            + "' has segments but the spec is unpartitioned");
      }
      return List.of();
    }
    String[] segments = relativePath.split("/", -1);
    if (segments.length != n) {
      throw new InvalidPartitionException(spec.fields().get(Math.min(segments.length, n) - 1).name(), "path '"
          + relativePath + "' has " + segments.length + " segments, the spec has " + n + " fields "
          + fieldNames());
    }
    List<Object> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String segment = segments[i];
      String expected = spec.fields().get(i).name();
      int eq = segment.indexOf('=');
      if (eq < 0) {
        throw new InvalidPartitionException(expected, "segment '" + segment + "' of path '" + relativePath
            + "' is not name=value");
      }
      String name = unescape(segment.substring(0, eq));
      if (!name.equals(expected)) {
        throw new InvalidPartitionException(expected, "segment '" + segment + "' of path '" + relativePath
            + "' names field '" + name + "', expected '" + expected + "' (fields in order: " + fieldNames() + ")");
      }
      String text = unescape(segment.substring(eq + 1));
      if (text.equals(defaultName)) {
        values.add(null);
        continue;
      }
      DataType type = spec.resultType(i);
      try {
        values.add(PartitionValues.parse(type, text, spec.calendar()));
      } catch (RuntimeException e) {
        throw new InvalidPartitionException(expected, "segment '" + segment + "' of path '" + relativePath
            + "': value '" + text + "' is not a valid " + type + " (" + e.getMessage() + ")", e);
      }
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * The text of each field's value, unescaped, keyed by field name in spec order; null for a null value or an
   * empty string (both are written as the default partition name). Meant for catalogs that register partition
   * values as strings.
   */
  public Map<String, String> values(PartitionKey key) {
    checkSpec(key);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < escapedNames.length; i++) {
      out.put(spec.fields().get(i).name(), text(key, i));
    }
    return Collections.unmodifiableMap(out);
  }

  private String text(PartitionKey key, int i) {
    Object v = key.get(i);
    if (v == null) {
      return null;
    }
    String text = PartitionValues.text(spec.resultType(i), v, spec.calendar());
    return text.isEmpty() ? null : text;
  }

  private void checkSpec(PartitionKey key) {
    Objects.requireNonNull(key, "key");
    if (key.spec() != spec && !key.spec().equals(spec)) {
      throw new IllegalArgumentException("key of spec " + key.spec() + " used with paths of spec " + spec);
    }
  }

  private String fieldNames() {
    List<String> names = new ArrayList<>();
    spec.fields().forEach(f -> names.add(f.name()));
    return names.toString();
  }

  /**
   * Escapes a name or value exactly as Hive's {@code FileUtils.escapePathName(String)}: each char below 0x20, DEL
   * (0x7F) and each of <code>" # % ' * / : = ? \ &#123; [ ] ^</code> becomes {@code %XX} (upper-case hex of the
   * char); everything else, including non-ASCII, is kept. As in Hive, null and the empty string give
   * {@link #DEFAULT_PARTITION_NAME}.
   */
  public static String escape(String s) {
    if (s == null || s.isEmpty()) {
      return DEFAULT_PARTITION_NAME;
    }
    int first = 0;
    while (first < s.length() && !needsEscaping(s.charAt(first))) {
      first++;
    }
    if (first == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (needsEscaping(c)) {
        sb.append('%').append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xf]);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Reverses {@link #escape} exactly as Hive's {@code FileUtils.unescapePathName(String)}: every {@code %} followed
   * by two characters that {@link Integer#parseInt(CharSequence, int, int, int) parse} as a non-negative base-16
   * number becomes the char of that code; anything else is kept as is. {@code unescape(escape(s))} is {@code s}
   * for every non-empty {@code s}.
   */
  public static String unescape(String s) {
    Objects.requireNonNull(s, "s");
    int first = s.indexOf('%');
    if (first < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int code;
        try {
          code = Integer.parseInt(s, i + 1, i + 3, 16);
        } catch (NumberFormatException e) {
          code = -1; // not an escape: keep the '%' as Hive does
        }
        if (code >= 0) {
          sb.append((char) code);
          i += 2;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  static boolean needsEscaping(char c) {
    return c < 128 && (ESCAPED[c >> 6] & (1L << (c & 63))) != 0;
  }

  /** Index of the first unpaired surrogate in {@code s}, or -1. */
  static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** UTF-8 length of a string without unpaired surrogates. */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
