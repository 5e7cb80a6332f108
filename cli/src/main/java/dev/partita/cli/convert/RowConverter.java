package dev.partita.cli.convert;

import dev.partita.format.text.read.TextRecord;
import dev.partita.format.text.read.TextRecord.FieldKind;
import dev.partita.format.text.read.TextValues;
import dev.partita.format.text.read.ValueException;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.DataType.Kind;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Types the fields of a {@link TextRecord} into a {@link ParsedRow} by the schema. Null rule: JSON {@code null} and
 * missing keys; an unquoted CSV field equal to the null value; and an empty value in any column that is not a
 * string or binary. Values of {@code timestamptz} columns without an offset are read in the given zone.
 */
public final class RowConverter {
  private final Schema schema;
  private final Kind[] kinds;
  private final DataType[] types;
  private final String[] names;
  private final ZoneId zone;
  private final char[] nullValue;
  private final TextValues.Timestamp ts = new TextValues.Timestamp();

  /**
   * A converter for rows of {@code schema}.
   *
   * @param zone the zone of {@code timestamptz} values written without an offset
   * @param nullValue the text of an unquoted CSV field that means null
   */
  public RowConverter(Schema schema, ZoneId zone, String nullValue) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.nullValue = nullValue.toCharArray();
    int n = schema.size();
    kinds = new Kind[n];
    types = new DataType[n];
    names = new String[n];
    for (int i = 0; i < n; i++) {
      Column c = schema.column(i);
      types[i] = c.type();
      kinds[i] = c.type().kind();
      names[i] = c.name();
    }
  }

  /** The schema rows are typed by. */
  public Schema schema() {
    return schema;
  }

  /**
   * Types every field of {@code record}: field {@code f} goes to column {@code columnOfField[f]}. Columns without
   * a field are null.
   *
   * @throws ValueException naming the column when a value does not parse as its type
   */
  public void convert(TextRecord record, int[] columnOfField, ParsedRow row) throws ValueException {
    java.util.Arrays.fill(row.nulls, true);
    int n = Math.min(record.fieldCount(), columnOfField.length);
    char[] c = record.chars();
    for (int f = 0; f < n; f++) {
      int col = columnOfField[f];
      if (col < 0) {
        continue;
      }
      FieldKind k = record.kind(f);
      int off = record.start(f);
      int len = record.length(f);
      if (isNull(k, kinds[col], c, off, len)) {
        continue;
      }
      try {
        set(row, col, k, c, off, len);
      } catch (ValueException e) {
        throw new ValueException(col, e.getMessage());
      } catch (NumberFormatException | ArithmeticException e) {
        throw new ValueException(col, "'" + new String(c, off, Math.min(len, 200)) + "' is not a " + types[col]
            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
      }
      row.nulls[col] = false;
    }
  }

  private boolean isNull(FieldKind k, Kind kind, char[] c, int off, int len) {
    if (k == FieldKind.NULL) {
      return true;
    }
    if (len == 0 && kind != Kind.STRING && kind != Kind.BINARY) {
      return true;
    }
    if (k != FieldKind.PLAIN || len != nullValue.length) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (c[off + i] != nullValue[i]) {
        return false;
      }
    }
    return true;
  }

  private void set(ParsedRow row, int col, FieldKind k, char[] c, int off, int len) throws ValueException {
    Kind kind = kinds[col];
    if (k == FieldKind.NESTED && kind != Kind.STRING && kind != Kind.BINARY) {
      throw new ValueException(col, "a JSON " + (c[off] == '[' ? "array" : "object") + " cannot be a "
          + types[col] + "; declare the column string to keep it as JSON text");
    }
    switch (kind) {
      case BOOLEAN -> row.booleans[col] = TextValues.parseBoolean(c, off, len, TextValues.Booleans.LENIENT);
      case INT32 -> {
        long v = TextValues.parseLong(c, off, len);
        int bits = types[col].bitWidth();
        long min = -(1L << (bits - 1));
        if (v < min || v > -min - 1) {
          throw new ValueException(col, v + " is out of the " + types[col] + " range " + min + ".." + (-min - 1));
        }
        row.ints[col] = (int) v;
      }
      case INT64 -> row.longs[col] = TextValues.parseLong(c, off, len);
      case FLOAT32 -> row.floats[col] = TextValues.parseFloat(c, off, len);
      case FLOAT64 -> row.doubles[col] = TextValues.parseDouble(c, off, len);
      case DECIMAL -> row.objects[col] = decimal(col, c, off, len);
      case STRING -> row.objects[col] = new String(c, off, len);
      case BINARY -> row.objects[col] = new String(c, off, len).getBytes(StandardCharsets.UTF_8);
      case DATE -> row.ints[col] = TextValues.parseDate(c, off, len);
      case TIME -> row.longs[col] = TextValues.parseTime(c, off, len);
      case TIMESTAMP -> {
        TextValues.parseTimestamp(c, off, len, ts);
        if (types[col].isAdjustedToUtc()) {
          row.longs[col] = ts.inZone(zone);
        } else if (ts.hasOffset) {
          throw new ValueException(col, "'" + new String(c, off, len) + "' has a zone offset but column '"
              + names[col] + "' is a timestamp without zone; declare it timestamptz");
        } else {
          row.longs[col] = ts.micros;
        }
      }
      default -> throw new IllegalStateException("type " + types[col]);
    }
  }

  private BigDecimal decimal(int col, char[] c, int off, int len) throws ValueException {
    DataType t = types[col];
    BigDecimal d = new BigDecimal(new String(c, off, len).strip());
    if (d.scale() > t.scale()) {
      try {
        d = d.setScale(t.scale(), RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new ValueException(col, "'" + new String(c, off, len) + "' has more than " + t.scale()
            + " digits after the point, the scale of " + t);
      }
    } else if (d.scale() < t.scale()) {
      d = d.setScale(t.scale());
    }
    if (d.precision() > t.precision()) {
      throw new ValueException(col, "'" + new String(c, off, len) + "' has more than " + t.precision()
          + " digits, the precision of " + t);
    }
    return d;
  }
}
