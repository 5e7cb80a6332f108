package dev.partita.format.orc.footer;

import dev.partita.format.ColumnStats;
import dev.partita.format.orc.OrcFormat;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.orc.OrcProto;
import org.apache.orc.TypeDescription;
import org.apache.orc.impl.OrcTail;
import org.apache.orc.impl.ReaderImpl;

/**
 * Reads the tail of an ORC file (postscript, footer, metadata) without a Hadoop {@code FileSystem}: the last byte
 * gives the postscript's length, the postscript the lengths of footer and metadata, which are then read in one go
 * and decoded (decompressed as needed) by orc-core. Never reads stripes.
 *
 * <p>Type mapping: boolean; tinyint, smallint, int to int8, int16, int32; bigint to int64, or to time for the
 * columns Partita lists under {@link OrcFormat#TIME_COLUMNS_KEY}; float, double; decimal; string, varchar and char
 * to string; binary; date; timestamp; timestamp with local time zone to timestamptz.
 */
public final class OrcFooterReader {
  private static final int MAX_POSTSCRIPT = 255;

  private OrcFooterReader() {}

  /**
   * Reads the tail of a local ORC file.
   *
   * @throws IOException when it cannot be read or is not an ORC file (the message names the file)
   */
  @SuppressWarnings("deprecation") // extractFileTail(ByteBuffer, ...) is the only tail decoder without a FileSystem
  public static OrcFooter read(Path file) throws IOException {
    String name = file.toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 4) {
        throw new IOException(name + " is not an ORC file: " + size + " bytes");
      }
      ByteBuffer last = ByteBuffer.allocate((int) Math.min(size, MAX_POSTSCRIPT + 1));
      readFully(ch, last, size - last.capacity(), name);
      int psLength = last.get(last.capacity() - 1) & 0xff;
      if (psLength == 0 || psLength + 1 > last.capacity()) {
        throw new IOException(name + " is not an ORC file: bad postscript length " + psLength);
      }
      OrcProto.PostScript ps;
      try {
        ps = OrcProto.PostScript.parseFrom(ByteBuffer.wrap(last.array(), last.capacity() - 1 - psLength,
            psLength));
      } catch (IOException | RuntimeException e) {
        throw new IOException(name + " is not an ORC file: its postscript does not decode", e);
      }
      if (!"ORC".equals(ps.getMagic())) {
        throw new IOException(name + " is not an ORC file: no ORC magic in its postscript");
      }
      long tailLength = 1L + psLength + ps.getFooterLength() + ps.getMetadataLength();
      if (tailLength > size || tailLength > Integer.MAX_VALUE) {
        throw new IOException(name + " has a corrupt ORC postscript: a tail of " + tailLength + " bytes in a file of "
            + size);
      }
      ByteBuffer tail = ByteBuffer.allocate((int) tailLength);
      readFully(ch, tail, size - tailLength, name);
      tail.flip();
      OrcTail orcTail;
      try {
        orcTail = ReaderImpl.extractFileTail(tail, size, Files.getLastModifiedTime(file).toMillis());
      } catch (IOException | RuntimeException e) {
        throw new IOException(name + " has an ORC footer that does not decode: " + e.getMessage(), e);
      }
      return convert(orcTail, (int) tailLength);
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buffer, long position, String name) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = ch.read(buffer, at);
      if (n < 0) {
        throw new IOException(name + ": unexpected end of file while reading the ORC tail");
      }
      at += n;
    }
  }

  private static OrcFooter convert(OrcTail tail, int tailBytes) {
    OrcProto.Footer footer = tail.getFooter();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (OrcProto.UserMetadataItem item : footer.getMetadataList()) {
      metadata.put(item.getName(), item.getValue().toString(StandardCharsets.UTF_8));
    }
    Set<String> timeColumns = new HashSet<>(parseStringArray(metadata.get(OrcFormat.TIME_COLUMNS_KEY)));
    TypeDescription root = tail.getSchema();
    List<Column> columns = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    List<ColumnStats> stats = new ArrayList<>();
    List<OrcProto.ColumnStatistics> fileStats = footer.getStatisticsList();
    long rows = footer.getNumberOfRows();
    if (root.getCategory() == TypeDescription.Category.STRUCT) {
      for (int i = 0; i < root.getFieldNames().size(); i++) {
        String name = root.getFieldNames().get(i);
        TypeDescription t = root.getChildren().get(i);
        Optional<DataType> type = type(t, timeColumns.contains(name));
        if (type.isEmpty()) {
          unsupported.add(name + ": " + t.getCategory().getName());
          continue;
        }
        int id = t.getId();
        OrcProto.ColumnStatistics s = id < fileStats.size() ? fileStats.get(id) : null;
        boolean nullable = s == null || !s.hasHasNull() || s.getHasNull();
        columns.add(new Column(name, type.get(), nullable));
        if (s != null && s.hasNumberOfValues()) {
          long nonNull = s.getNumberOfValues();
          boolean any = nonNull > 0;
          stats.add(new ColumnStats(name, rows, rows - nonNull, any ? min(type.get(), s) : Optional.empty(),
              any ? max(type.get(), s) : Optional.empty()));
        }
      }
    } else {
      unsupported.add("(root): the file's top-level type is " + root + ", not a struct");
    }
    String writer = implementation(footer.getWriter())
        + (footer.hasSoftwareVersion() ? " " + footer.getSoftwareVersion() : "") + " (" + tail.getWriterVersion()
        + ")";
    return new OrcFooter(Schema.of(columns), unsupported, rows, footer.getStripesCount(),
        tail.getCompressionKind().name().toLowerCase(Locale.ROOT), writer, metadata, stats, tailBytes);
  }

  /** The writer's name as orc-core shows it: {@code ORC Java}, {@code ORC C++}, {@code Trino}, ... */
  private static String implementation(int id) {
    return switch (org.apache.orc.OrcFile.WriterImplementation.from(id)) {
      case ORC_JAVA -> "ORC Java";
      case ORC_CPP -> "ORC C++";
      case PRESTO -> "Presto";
      case SCRITCHLEY_GO -> "Scritchley Go";
      case TRINO -> "Trino";
      case CUDF -> "CUDF";
      default -> "Unknown(" + id + ")";
    };
  }

  /** The Partita type of an ORC type, if it has one. */
  static Optional<DataType> type(TypeDescription t, boolean time) {
    return Optional.ofNullable(switch (t.getCategory()) {
      case BOOLEAN -> DataType.bool();
      case BYTE -> DataType.int8();
      case SHORT -> DataType.int16();
      case INT -> DataType.int32();
      case LONG -> time ? DataType.time() : DataType.int64();
      case FLOAT -> DataType.float32();
      case DOUBLE -> DataType.float64();
      case DECIMAL -> t.getPrecision() >= 1 && t.getPrecision() <= DataType.MAX_DECIMAL_PRECISION
          ? DataType.decimal(t.getPrecision(), t.getScale()) : null;
      case STRING, VARCHAR, CHAR -> DataType.string();
      case BINARY -> DataType.binary();
      case DATE -> DataType.date();
      case TIMESTAMP -> DataType.timestamp();
      case TIMESTAMP_INSTANT -> DataType.timestampTz();
      default -> null;
    });
  }

  private static Optional<Object> min(DataType type, OrcProto.ColumnStatistics s) {
    return bound(type, s, true);
  }

  private static Optional<Object> max(DataType type, OrcProto.ColumnStatistics s) {
    return bound(type, s, false);
  }

  /** A bound in the box {@link ColumnStats} uses; empty where ORC does not state it exactly. */
  private static Optional<Object> bound(DataType type, OrcProto.ColumnStatistics s, boolean min) {
    switch (type.kind()) {
      case INT32:
        if (s.hasIntStatistics() && (min ? s.getIntStatistics().hasMinimum() : s.getIntStatistics().hasMaximum())) {
          return Optional.of((int) (min ? s.getIntStatistics().getMinimum() : s.getIntStatistics().getMaximum()));
        }
        return Optional.empty();
      case INT64:
      case TIME:
        if (s.hasIntStatistics() && (min ? s.getIntStatistics().hasMinimum() : s.getIntStatistics().hasMaximum())) {
          return Optional.of(min ? s.getIntStatistics().getMinimum() : s.getIntStatistics().getMaximum());
        }
        return Optional.empty();
      case FLOAT32:
      case FLOAT64: {
        if (!s.hasDoubleStatistics()) {
          return Optional.empty();
        }
        OrcProto.DoubleStatistics d = s.getDoubleStatistics();
        if (!(min ? d.hasMinimum() : d.hasMaximum())) {
          return Optional.empty();
        }
        double v = min ? d.getMinimum() : d.getMaximum();
        if (Double.isNaN(v)) {
          return Optional.empty();
        }
        return Optional.of(type.kind() == DataType.Kind.FLOAT32 ? (Object) (float) v : (Object) v);
      }
      case DECIMAL: {
        if (!s.hasDecimalStatistics()) {
          return Optional.empty();
        }
        OrcProto.DecimalStatistics d = s.getDecimalStatistics();
        if (!(min ? d.hasMinimum() : d.hasMaximum())) {
          return Optional.empty();
        }
        return Optional.of(new BigDecimal(min ? d.getMinimum() : d.getMaximum()).setScale(type.scale()));
      }
      case STRING: {
        if (!s.hasStringStatistics()) {
          return Optional.empty();
        }
        OrcProto.StringStatistics d = s.getStringStatistics();
        // Only exact bounds: long strings are recorded as truncated lower/upper bounds instead.
        if (!(min ? d.hasMinimum() : d.hasMaximum())) {
          return Optional.empty();
        }
        return Optional.of(min ? d.getMinimum() : d.getMaximum());
      }
      case DATE: {
        if (!s.hasDateStatistics()) {
          return Optional.empty();
        }
        OrcProto.DateStatistics d = s.getDateStatistics();
        if (!(min ? d.hasMinimum() : d.hasMaximum())) {
          return Optional.empty();
        }
        return Optional.of(min ? d.getMinimum() : d.getMaximum());
      }
      default:
        return Optional.empty();
    }
  }

  /** Parses a JSON array of strings as {@link OrcFormat} writes it; empty for null or malformed input. */
  static List<String> parseStringArray(String json) {
    List<String> out = new ArrayList<>();
    if (json == null) {
      return out;
    }
    String s = json.strip();
    if (!s.startsWith("[") || !s.endsWith("]")) {
      return out;
    }
    int i = 1;
    while (i < s.length() - 1) {
      char c = s.charAt(i);
      if (c != '"') {
        i++;
        continue;
      }
      StringBuilder sb = new StringBuilder();
      i++;
      while (i < s.length() && s.charAt(i) != '"') {
        char d = s.charAt(i);
        if (d == '\\' && i + 1 < s.length()) {
          char e = s.charAt(++i);
          switch (e) {
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
              i += 4;
            }
            default -> sb.append(e);
          }
        } else {
          sb.append(d);
        }
        i++;
      }
      out.add(sb.toString());
      i++;
    }
    return out;
  }
}
