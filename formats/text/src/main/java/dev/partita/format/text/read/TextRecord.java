package dev.partita.format.text.read;

import java.util.Arrays;

/**
 * One input record as read, before typing: a mutable, reused set of fields, each a slice of {@link #chars()}
 * with a {@link FieldKind}. A reader refills the same instance for every record, so nothing is allocated per
 * record once the arrays have grown to fit. Valid until the reader's next call of {@link RecordReader#next()}.
 *
 * <p>For CSV, field {@code i} is the {@code i}-th field of the line; for JSON, field {@code i} is the value of the
 * {@code i}-th known key (see {@link JsonReader}).
 *
 * <p>A record may carry a {@linkplain #problem() problem} of its own (a wrong field count, an unterminated quote,
 * invalid UTF-8, a malformed JSON line): the reader still returns it, so that the caller can report it and go on.
 */
public final class TextRecord {
  /** How a field was written in the input; decides null handling and which conversions apply. */
  public enum FieldKind {
    /** Absent or JSON {@code null}. */
    NULL,
    /** An unquoted CSV field. */
    PLAIN,
    /** A quoted CSV field or a JSON string. */
    QUOTED,
    /** A JSON integer literal. */
    INTEGER,
    /** A JSON number literal with a fraction or exponent. */
    DECIMAL,
    /** A JSON {@code true} or {@code false}. */
    BOOLEAN,
    /** A JSON object or array, as JSON text. */
    NESTED
  }

  /** What is wrong with a record as a whole (see {@link #problemKind()}). */
  public enum Problem {
    /** The record read cleanly. */
    NONE,
    /** A CSV record has another number of fields than the header (or {@link CsvReader#expectFields}). */
    FIELD_COUNT,
    /** A quoted CSV field has no closing quote before the end of the input. */
    UNCLOSED_QUOTE,
    /** A quoted CSV field is followed by text other than the delimiter or a line break. */
    TEXT_AFTER_QUOTE,
    /** The record holds bytes that are not UTF-8 (they read as U+FFFD). */
    INVALID_UTF8,
    /** A JSON object names a key twice. */
    DUPLICATE_KEY,
    /** A JSON Lines line holds a value that is not an object. */
    NOT_AN_OBJECT,
    /** A JSON Lines line is not well-formed JSON, or holds more than one value. */
    MALFORMED_JSON
  }

  private static final FieldKind[] KINDS = FieldKind.values();

  char[] chars;
  int length;
  int fieldCount;
  int[] start;
  int[] len;
  byte[] kind;
  long line;
  Problem problemKind = Problem.NONE;
  String problem = "";
  String problemDetail = "";
  int problemField;
  final boolean json;

  TextRecord(int chars, int fields, boolean json) {
    this.json = json;
    this.chars = new char[Math.max(16, chars)];
    this.start = new int[Math.max(4, fields)];
    this.len = new int[start.length];
    this.kind = new byte[start.length];
  }

  /** The characters every field is a slice of. */
  public char[] chars() {
    return chars;
  }

  /** Number of fields in this record. */
  public int fieldCount() {
    return fieldCount;
  }

  /** Start of field {@code i} in {@link #chars()}. */
  public int start(int i) {
    return start[i];
  }

  /** Length of field {@code i}. */
  public int length(int i) {
    return len[i];
  }

  /** How field {@code i} was written. */
  public FieldKind kind(int i) {
    return KINDS[kind[i]];
  }

  /** Field {@code i} as a new string (allocates; for messages and string columns). */
  public String text(int i) {
    return new String(chars, start[i], len[i]);
  }

  /**
   * Whether field {@code i} means null under a CSV null value: it is {@link FieldKind#NULL}, or it is
   * {@link FieldKind#PLAIN} (unquoted) and equal to {@code nullValue}. A quoted field is never null, so
   * {@code ""} is an empty string. Allocates nothing.
   */
  public boolean isNull(int i, String nullValue) {
    FieldKind k = kind(i);
    if (k == FieldKind.NULL) {
      return true;
    }
    if (k != FieldKind.PLAIN || len[i] != nullValue.length()) {
      return false;
    }
    int s = start[i];
    for (int j = 0; j < len[i]; j++) {
      if (chars[s + j] != nullValue.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the record was read from JSON (where a quoted value is a JSON string, not CSV text). */
  public boolean isJson() {
    return json;
  }

  /** 1-based line where the record starts. */
  public long line() {
    return line;
  }

  /** Whether the record has a problem of its own ({@link #problemKind()} is not {@link Problem#NONE}). */
  public boolean hasProblem() {
    return problemKind != Problem.NONE;
  }

  /** What kind of problem the record has, {@link Problem#NONE} when it read cleanly. */
  public Problem problemKind() {
    return problemKind;
  }

  /**
   * What is wrong with the record as a whole, as a sentence for people (for example
   * {@code expected 3 fields (as the header has), found 4}); empty when it read cleanly.
   */
  public String problem() {
    return problem;
  }

  /**
   * The bare detail of the problem: for {@link Problem#MALFORMED_JSON} the JSON parser's own words, for
   * {@link Problem#FIELD_COUNT} the number of fields found; otherwise the same as {@link #problem()}.
   */
  public String problemDetail() {
    return problemDetail;
  }

  /** 1-based field the {@link #problem()} is in, 0 when it concerns the whole record. */
  public int problemField() {
    return problemField;
  }

  /** Records a problem unless the record already has one (the first problem found is the one reported). */
  void problem(Problem kind, int field, String text, String detail) {
    if (problemKind == Problem.NONE) {
      problemKind = kind;
      problemField = field;
      problem = text;
      problemDetail = detail;
    }
  }

  void clearProblem() {
    problemKind = Problem.NONE;
    problem = "";
    problemDetail = "";
    problemField = 0;
  }

  void clear(int fields) {
    ensureFields(fields);
    fieldCount = fields;
    Arrays.fill(kind, 0, fields, (byte) FieldKind.NULL.ordinal());
    Arrays.fill(len, 0, fields, 0);
    length = 0;
    clearProblem();
  }

  void ensureFields(int n) {
    if (n > start.length) {
      int size = Math.max(n, start.length * 2);
      start = Arrays.copyOf(start, size);
      len = Arrays.copyOf(len, size);
      kind = Arrays.copyOf(kind, size);
    }
  }

  void setField(int i, int fieldStart, int fieldLength, FieldKind k) {
    start[i] = fieldStart;
    len[i] = fieldLength;
    kind[i] = (byte) k.ordinal();
  }

  /** Appends characters to {@link #chars()} and returns where they start. */
  int append(char[] src, int offset, int count) {
    if (length + count > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(length + count, chars.length * 2));
    }
    System.arraycopy(src, offset, chars, length, count);
    int at = length;
    length += count;
    return at;
  }

  int append(String s) {
    if (length + s.length() > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(length + s.length(), chars.length * 2));
    }
    s.getChars(0, s.length(), chars, length);
    int at = length;
    length += s.length();
    return at;
  }
}
