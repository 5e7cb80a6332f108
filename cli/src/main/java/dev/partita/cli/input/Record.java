package dev.partita.cli.input;

import java.util.Arrays;

/**
 * One input record as read, before typing: a mutable, reused set of fields, each a slice of {@link #chars()}
 * with a {@link FieldKind}. A reader refills the same instance for every record, so nothing is allocated per
 * record once the arrays have grown to fit.
 *
 * <p>For CSV, field {@code i} is the {@code i}-th field of the line; for JSON, field {@code i} is the value of the
 * {@code i}-th known key (see {@link JsonRecordReader}).
 */
public final class Record {
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

  private static final FieldKind[] KINDS = FieldKind.values();

  char[] chars;
  int length;
  int fieldCount;
  int[] start;
  int[] len;
  byte[] kind;
  long line;
  String problem;
  int problemField;
  final boolean json;

  Record(int chars, int fields, boolean json) {
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

  /** Whether the record was read from JSON (where a quoted value is a JSON string, not CSV text). */
  public boolean isJson() {
    return json;
  }

  /** 1-based line where the record starts. */
  public long line() {
    return line;
  }

  /**
   * What is wrong with the record as a whole (a wrong field count, an unterminated quote, invalid UTF-8), or
   * {@code null} when it read cleanly.
   */
  public String problem() {
    return problem;
  }

  /** 1-based field the {@link #problem()} is in, 0 when it concerns the whole record. */
  public int problemField() {
    return problemField;
  }

  void clear(int fields) {
    ensureFields(fields);
    fieldCount = fields;
    Arrays.fill(kind, 0, fields, (byte) FieldKind.NULL.ordinal());
    Arrays.fill(len, 0, fields, 0);
    length = 0;
    problem = null;
    problemField = 0;
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

  /** The record's fields joined for messages and the bad-records file. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fieldCount; i++) {
      if (i > 0) {
        b.append(',');
      }
      if (kind[i] != FieldKind.NULL.ordinal()) {
        b.append(chars, start[i], len[i]);
      }
    }
    return b.toString();
  }
}
