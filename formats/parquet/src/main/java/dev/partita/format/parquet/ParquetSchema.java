package dev.partita.format.parquet;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DateType;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.TypeDefinedOrder;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A Partita schema in Parquet's two forms: the {@link MessageType} parquet-column encodes with, and the footer's
 * flat list of {@link SchemaElement}s (root first, then one leaf per column) with its column orders.
 */
final class ParquetSchema {
  /** Name of the root element, as parquet-java names it. */
  static final String ROOT_NAME = "schema";

  final MessageType messageType;
  final List<ColumnDescriptor> descriptors;
  final List<SchemaElement> elements;
  final List<ColumnOrder> columnOrders;

  private final Map<ColumnDescriptor, Integer> positions = new HashMap<>();

  private ParquetSchema(MessageType messageType, List<SchemaElement> elements, List<ColumnOrder> orders) {
    this.messageType = messageType;
    this.descriptors = messageType.getColumns();
    for (int i = 0; i < descriptors.size(); i++) {
      positions.put(descriptors.get(i), i);
    }
    this.elements = elements;
    this.columnOrders = orders;
  }

  /** The position of {@code descriptor}'s column. */
  int indexOf(ColumnDescriptor descriptor) {
    Integer i = positions.get(descriptor);
    if (i == null) {
      throw new IllegalStateException("no column " + descriptor + " in the schema");
    }
    return i;
  }

  /** The last schema mapped, shared by the files of a write (read only once built). */
  private static volatile Mapped last;

  private record Mapped(Schema schema, ParquetSchema parquet) {}

  /** The mapping of {@code schema}, reusing the previous one when the schema is the same. */
  static ParquetSchema forSchema(Schema schema) {
    Mapped m = last;
    if (m == null || !m.schema().equals(schema)) {
      m = new Mapped(schema, of(schema));
      last = m;
    }
    return m.parquet();
  }

  static ParquetSchema of(Schema schema) {
    List<org.apache.parquet.schema.Type> fields = new ArrayList<>();
    List<SchemaElement> elements = new ArrayList<>();
    List<ColumnOrder> orders = new ArrayList<>();
    SchemaElement root = new SchemaElement(ROOT_NAME);
    root.setNum_children(schema.size());
    elements.add(root);
    for (Column c : schema.columns()) {
      fields.add(primitive(c));
      elements.add(element(c));
      // Every type Partita writes has a type-defined order: signed for numbers, unsigned bytes for strings and
      // binary, signed two's complement for decimals.
      orders.add(ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()));
    }
    return new ParquetSchema(new MessageType(ROOT_NAME, fields), elements, orders);
  }

  /** Bytes of the shortest two's complement array that holds every unscaled value of {@code precision} digits. */
  static int decimalLength(int precision) {
    int bits = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE).bitLength() + 1;
    return (bits + 7) / 8;
  }

  static PrimitiveType primitive(Column c) {
    org.apache.parquet.schema.Type.Repetition rep = c.nullable()
        ? org.apache.parquet.schema.Type.Repetition.OPTIONAL
        : org.apache.parquet.schema.Type.Repetition.REQUIRED;
    DataType t = c.type();
    return switch (t.kind()) {
      case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.name());
      case INT32 -> Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.intType(t.bitWidth(), true)).named(c.name());
      case INT64 -> Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.intType(64, true)).named(c.name());
      // parquet-column defaults floats to IEEE 754 total order; the footer declares the type-defined order, under
      // which statistics exclude NaN and widen zero bounds to -0.0/+0.0.
      case FLOAT32 -> Types.primitive(PrimitiveTypeName.FLOAT, rep)
          .columnOrder(org.apache.parquet.schema.ColumnOrder.typeDefined()).named(c.name());
      case FLOAT64 -> Types.primitive(PrimitiveTypeName.DOUBLE, rep)
          .columnOrder(org.apache.parquet.schema.ColumnOrder.typeDefined()).named(c.name());
      case STRING -> Types.primitive(PrimitiveTypeName.BINARY, rep)
          .as(LogicalTypeAnnotation.stringType()).named(c.name());
      case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, rep).named(c.name());
      case DATE -> Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.dateType()).named(c.name());
      case TIME -> Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.timeType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(c.name());
      case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.timestampType(t.isAdjustedToUtc(), LogicalTypeAnnotation.TimeUnit.MICROS))
          .named(c.name());
      case DECIMAL -> {
        LogicalTypeAnnotation dec = LogicalTypeAnnotation.decimalType(t.scale(), t.precision());
        if (t.precision() <= 9) {
          yield Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(c.name());
        } else if (t.precision() <= 18) {
          yield Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(c.name());
        }
        yield Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(decimalLength(t.precision()))
            .as(dec).named(c.name());
      }
    };
  }

  private static SchemaElement element(Column c) {
    SchemaElement e = new SchemaElement(c.name());
    e.setRepetition_type(c.nullable() ? FieldRepetitionType.OPTIONAL : FieldRepetitionType.REQUIRED);
    DataType t = c.type();
    switch (t.kind()) {
      case BOOLEAN -> e.setType(Type.BOOLEAN);
      case INT32 -> {
        e.setType(Type.INT32);
        e.setLogicalType(LogicalType.INTEGER(new IntType((byte) t.bitWidth(), true)));
        e.setConverted_type(switch (t.bitWidth()) {
          case 8 -> ConvertedType.INT_8;
          case 16 -> ConvertedType.INT_16;
          default -> ConvertedType.INT_32;
        });
      }
      case INT64 -> {
        e.setType(Type.INT64);
        e.setLogicalType(LogicalType.INTEGER(new IntType((byte) 64, true)));
        e.setConverted_type(ConvertedType.INT_64);
      }
      case FLOAT32 -> e.setType(Type.FLOAT);
      case FLOAT64 -> e.setType(Type.DOUBLE);
      case STRING -> {
        e.setType(Type.BYTE_ARRAY);
        e.setLogicalType(LogicalType.STRING(new StringType()));
        e.setConverted_type(ConvertedType.UTF8);
      }
      case BINARY -> e.setType(Type.BYTE_ARRAY);
      case DATE -> {
        e.setType(Type.INT32);
        e.setLogicalType(LogicalType.DATE(new DateType()));
        e.setConverted_type(ConvertedType.DATE);
      }
      case TIME -> {
        // A local time of day. The legacy TIME_MICROS converted type means isAdjustedToUTC=true, so it is left
        // out, as the format's LogicalTypes.md asks.
        e.setType(Type.INT64);
        e.setLogicalType(LogicalType.TIME(new TimeType(false, TimeUnit.MICROS(new MicroSeconds()))));
      }
      case TIMESTAMP -> {
        e.setType(Type.INT64);
        e.setLogicalType(LogicalType.TIMESTAMP(new TimestampType(t.isAdjustedToUtc(),
            TimeUnit.MICROS(new MicroSeconds()))));
        if (t.isAdjustedToUtc()) {
          // TIMESTAMP_MICROS denotes an instant; local date-times carry only the logical type.
          e.setConverted_type(ConvertedType.TIMESTAMP_MICROS);
        }
      }
      case DECIMAL -> {
        if (t.precision() <= 9) {
          e.setType(Type.INT32);
        } else if (t.precision() <= 18) {
          e.setType(Type.INT64);
        } else {
          e.setType(Type.FIXED_LEN_BYTE_ARRAY);
          e.setType_length(decimalLength(t.precision()));
        }
        e.setLogicalType(LogicalType.DECIMAL(new DecimalType(t.scale(), t.precision())));
        e.setConverted_type(ConvertedType.DECIMAL);
        e.setScale(t.scale());
        e.setPrecision(t.precision());
      }
      default -> throw new IllegalStateException("unmapped type " + t);
    }
    return e;
  }
}
