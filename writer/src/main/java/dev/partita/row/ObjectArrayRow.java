package dev.partita.row;

import dev.partita.schema.Schema;
import java.util.Objects;

/**
 * A reusable {@link Row} over an {@code Object[]} in schema order. The array is not copied: wrap it, write the
 * row, then reuse or drop the array. Values are plain Java objects (see {@link #wrap}); they are checked against
 * the schema when wrapped.
 */
public final class ObjectArrayRow extends ValueRow {

  /** An adapter for arrays laid out as {@code schema}. */
  public ObjectArrayRow(Schema schema) {
    super(schema);
  }

  /**
   * Points this row at {@code values}. Accepted Java types per column type: Boolean; Integer/Short/Byte (int32);
   * Long or smaller (int64); Float; Double or Float; BigDecimal, BigInteger or Long (decimal, rescaled only when
   * exact); String/CharSequence; byte[] or ByteBuffer; LocalDate or Integer days; LocalTime or Long micros;
   * Instant/OffsetDateTime/ZonedDateTime (timestamptz), LocalDateTime (timestamp) or Long micros.
   *
   * @return this row
   * @throws InvalidRowException naming the column, the row number and the value's type when a value does not
   *     fit; the row is then not usable until the next successful wrap
   */
  public ObjectArrayRow wrap(Object[] values) {
    Objects.requireNonNull(values, "values");
    if (values.length != schema.size()) {
      throw new InvalidRowException(values.length > schema.size() ? "(extra)" : schema.column(values.length).name(),
          rowNumber() + 1, "row has " + values.length + " values, schema has " + schema.size() + " columns");
    }
    install(values);
    return this;
  }
}
