package dev.partita.format.orc;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.util.List;
import org.apache.orc.TypeDescription;

/** Maps Partita schemas to ORC types. */
final class OrcSchemas {
  private OrcSchemas() {}

  /** A struct of the schema's columns, with names exactly as given. Column {@code i} gets ORC column id i+1. */
  static TypeDescription toOrc(Schema schema) {
    TypeDescription struct = TypeDescription.createStruct();
    for (Column c : schema.columns()) {
      struct.addField(c.name(), toOrc(c.type()));
    }
    return struct;
  }

  static TypeDescription toOrc(DataType t) {
    return switch (t.kind()) {
      case BOOLEAN -> TypeDescription.createBoolean();
      case INT32 -> switch (t.bitWidth()) {
        case 8 -> TypeDescription.createByte();
        case 16 -> TypeDescription.createShort();
        default -> TypeDescription.createInt();
      };
      case INT64, TIME -> TypeDescription.createLong();
      case FLOAT32 -> TypeDescription.createFloat();
      case FLOAT64 -> TypeDescription.createDouble();
      // Scale first: ORC checks each against the other's current value (default decimal(38,10)).
      case DECIMAL -> TypeDescription.createDecimal().withScale(t.scale()).withPrecision(t.precision());
      case STRING -> TypeDescription.createString();
      case BINARY -> TypeDescription.createBinary();
      case DATE -> TypeDescription.createDate();
      case TIMESTAMP -> t.isAdjustedToUtc() ? TypeDescription.createTimestampInstant()
          : TypeDescription.createTimestamp();
    };
  }

  /** The names of the schema's time columns as a JSON array of strings, or null when there are none. */
  static String timeColumnsJson(Schema schema) {
    StringBuilder sb = new StringBuilder("[");
    boolean any = false;
    for (Column c : schema.columns()) {
      if (c.type().kind() == DataType.Kind.TIME) {
        if (any) {
          sb.append(',');
        }
        any = true;
        appendJsonString(sb, c.name());
      }
    }
    return any ? sb.append(']').toString() : null;
  }

  private static void appendJsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * Rejects a bloom filter column name that ORC's comma-separated, dot-path, trimmed column list cannot name.
   */
  static void checkBloomFilterName(String name) {
    if (name.isEmpty() || name.indexOf(',') >= 0 || name.indexOf('.') >= 0 || !name.strip().equals(name)) {
      throw new IllegalArgumentException("bloomFilterColumns: ORC cannot put a bloom filter on column '" + name
          + "': its option names columns in a comma-separated list of dotted paths, so the name must be non-empty,"
          + " without ',' or '.', and without leading or trailing spaces");
    }
  }

  /**
   * Checks that every bloom filter column is in the schema by exact name, and that ORC's case-insensitive lookup
   * finds that very column, then returns ORC's column list.
   *
   * @throws IllegalArgumentException naming the column and the schema
   */
  static String bloomFilterOption(List<String> columns, Schema schema) {
    for (String name : columns) {
      if (schema.indexOf(name).isEmpty()) {
        throw new IllegalArgumentException("bloomFilterColumns: no column '" + name + "' in schema " + schema);
      }
      for (Column c : schema.columns()) {
        if (c.name().equalsIgnoreCase(name)) {
          if (!c.name().equals(name)) {
            throw new IllegalArgumentException("bloomFilterColumns: ORC finds columns case-insensitively and would "
                + "put the bloom filter meant for '" + name + "' on '" + c.name() + "'; rename one of them");
          }
          break;
        }
      }
    }
    return String.join(",", columns);
  }
}
