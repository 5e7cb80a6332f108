package dev.partita.cli;

import dev.partita.DataSize;
import dev.partita.write.WriteMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters for option values; a bad value becomes a usage error naming it. */
final class Converters {
  private Converters() {}

  /** {@code 128MB}, {@code 64KB}, {@code 1GB}. */
  static final class Size implements ITypeConverter<DataSize> {
    @Override
    public DataSize convert(String value) {
      try {
        return DataSize.parse(value);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A zone id ({@code UTC}, {@code Europe/Paris}, {@code +02:00}). */
  static final class Zone implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value.trim());
      } catch (DateTimeException e) {
        throw new TypeConversionException("'" + value + "' is not a time zone (use a region such as Europe/Paris,"
            + " UTC, or an offset such as +02:00)");
      }
    }
  }

  /** {@code error}, {@code append}, {@code overwrite}, {@code overwrite-partitions}. */
  static final class Mode implements ITypeConverter<WriteMode> {
    @Override
    public WriteMode convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "error", "error-if-exists" -> WriteMode.ERROR_IF_EXISTS;
        case "append" -> WriteMode.APPEND;
        case "overwrite" -> WriteMode.OVERWRITE;
        case "overwrite-partitions", "overwrite_partitions" -> WriteMode.OVERWRITE_PARTITIONS;
        default -> throw new TypeConversionException("'" + value + "' is not a mode; use error, append, overwrite"
            + " or overwrite-partitions");
      };
    }
  }

  /** One character; {@code \t} or {@code tab} for a tab. */
  static final class OneChar implements ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
      if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
        return '\t';
      }
      if (value.length() != 1) {
        throw new TypeConversionException("'" + value + "' is not one character (use \\t for a tab)");
      }
      return value.charAt(0);
    }
  }
}
