package dev.partita.cli.convert;

import dev.partita.format.text.read.TextRecord;
import dev.partita.format.text.read.TextRecord.FieldKind;
import dev.partita.format.text.read.TextValues;
import dev.partita.format.text.read.ValueException;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.util.Arrays;
import java.util.List;

/**
 * Infers column types from a sample of records. Each column keeps the set of types every non-null value seen so
 * far parses as, and ends as the first that is left of boolean, int64, double, date, timestamp, timestamptz
 * (timestamps with a zone offset), else string. A column null in the whole sample is a string. CSV text may be
 * any of these; a JSON string only a date or timestamp (or a string), a JSON integer int64 or double, a JSON
 * fraction double. Integers beyond int64 stay strings rather than lose digits as doubles.
 */
public final class TypeInference {
  private static final int BOOL = 1;
  private static final int INT = 2;
  private static final int DOUBLE = 4;
  private static final int DATE = 8;
  private static final int TS = 16;
  private static final int TSTZ = 32;
  private static final int ALL = 63;
  private static final int TEMPORAL = DATE | TS | TSTZ;

  private final char[] nullValue;
  private final TextValues.Timestamp ts = new TextValues.Timestamp();
  private int[] masks = new int[0];
  private boolean[] seen = new boolean[0];
  private long records;

  /** @param nullValue the text of an unquoted CSV field that means null */
  public TypeInference(String nullValue) {
    this.nullValue = nullValue.toCharArray();
  }

  /** Number of records observed. */
  public long records() {
    return records;
  }

  /** Takes the values of one record: field {@code f} belongs to column {@code columnOfField[f]}. */
  public void observe(TextRecord r, int[] columnOfField) {
    records++;
    int n = Math.min(r.fieldCount(), columnOfField.length);
    for (int f = 0; f < n; f++) {
      int col = columnOfField[f];
      if (col < 0) {
        continue;
      }
      grow(col + 1);
      FieldKind k = r.kind(f);
      int len = r.length(f);
      if (k == FieldKind.NULL || len == 0 || (k == FieldKind.PLAIN && isNullText(r.chars(), r.start(f), len))) {
        continue;
      }
      seen[col] = true;
      if (masks[col] != 0) {
        masks[col] &= switch (k) {
          case INTEGER -> INT | DOUBLE;
          case DECIMAL -> DOUBLE;
          case BOOLEAN -> BOOL;
          case NESTED -> 0;
          case QUOTED -> textMask(r.chars(), r.start(f), len, masks[col]) & (r.isJson() ? TEMPORAL : ALL);
          default -> textMask(r.chars(), r.start(f), len, masks[col]);
        };
      }
    }
  }

  private boolean isNullText(char[] c, int off, int len) {
    if (len != nullValue.length) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (c[off + i] != nullValue[i]) {
        return false;
      }
    }
    return true;
  }

  private void grow(int n) {
    if (masks.length < n) {
      int old = masks.length;
      masks = Arrays.copyOf(masks, n);
      seen = Arrays.copyOf(seen, n);
      Arrays.fill(masks, old, n, ALL);
    }
  }

  /** The types among {@code candidates} that the text parses as. */
  private int textMask(char[] c, int off, int len, int candidates) {
    int m = 0;
    if ((candidates & BOOL) != 0) {
      try {
        TextValues.parseBoolean(c, off, len, TextValues.Booleans.WORDS);
        m |= BOOL;
      } catch (ValueException e) {
        // not a boolean
      }
    }
    if ((candidates & (INT | DOUBLE)) != 0) {
      boolean integer = TextValues.isIntegerSyntax(c, off, len);
      if (integer) {
        try {
          TextValues.parseLong(c, off, len);
          m |= INT | DOUBLE;
        } catch (ValueException e) {
          // beyond int64: keep it a string rather than round it to a double
        }
      } else {
        try {
          TextValues.parseDouble(c, off, len);
          m |= DOUBLE;
        } catch (ValueException e) {
          // not a number
        }
      }
    }
    if ((candidates & TEMPORAL) != 0 && len >= 10 && c[off + 4] == '-') {
      try {
        TextValues.parseTimestamp(c, off, len, ts);
        if (ts.dateOnly) {
          m |= DATE | TS | TSTZ;
        } else {
          m |= ts.hasOffset ? TSTZ : TS | TSTZ;
        }
      } catch (ValueException e) {
        // not a date or timestamp
      }
    }
    return m;
  }

  /** The type inferred for column {@code i}. */
  public DataType type(int i) {
    if (i >= masks.length || !seen[i]) {
      return DataType.string();
    }
    int m = masks[i];
    if ((m & BOOL) != 0) {
      return DataType.bool();
    }
    if ((m & INT) != 0) {
      return DataType.int64();
    }
    if ((m & DOUBLE) != 0) {
      return DataType.float64();
    }
    if ((m & DATE) != 0) {
      return DataType.date();
    }
    if ((m & TS) != 0) {
      return DataType.timestamp();
    }
    if ((m & TSTZ) != 0) {
      return DataType.timestampTz();
    }
    return DataType.string();
  }

  /** A schema of nullable columns named {@code names}, typed as inferred. */
  public Schema schema(List<String> names) {
    Schema.Builder b = Schema.builder();
    for (int i = 0; i < names.size(); i++) {
      b.optional(names.get(i), type(i));
    }
    return b.build();
  }
}
