package dev.partita.bench.flights;

import dev.partita.bench.sink.RowSource;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The real {@code flights-3m.csv.gz} (US domestic flights, January to June 2001), parsed once into column arrays
 * so that the measured writes read rows from memory. Airport codes are interned: one string per airport.
 */
public final class Flights {
  /** The dataset file name. */
  public static final String FILE = "flights-3m.csv.gz";

  /** {@code date} (local timestamp, micros), {@code delay}, {@code distance}, {@code origin}, {@code destination}. */
  public static final Schema SCHEMA = Schema.builder()
      .required("date", DataType.timestamp())
      .required("delay", DataType.int32())
      .required("distance", DataType.int32())
      .required("origin", DataType.string())
      .required("destination", DataType.string())
      .build();

  private final long[] date;
  private final int[] delay;
  private final int[] distance;
  private final String[] origin;
  private final String[] destination;
  private final int size;

  private Flights(long[] date, int[] delay, int[] distance, String[] origin, String[] destination, int size) {
    this.date = date;
    this.delay = delay;
    this.distance = distance;
    this.origin = origin;
    this.destination = destination;
    this.size = size;
  }

  /**
   * Reads the first {@code limit} rows of the gzip CSV at {@code file} (all of them when it has fewer).
   *
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException naming the line when a record is malformed
   */
  public static Flights load(Path file, int limit) {
    int capacity = Math.max(16, Math.min(limit, 3_000_000));
    long[] date = new long[capacity];
    int[] delay = new int[capacity];
    int[] distance = new int[capacity];
    String[] origin = new String[capacity];
    String[] destination = new String[capacity];
    Map<String, String> airports = new HashMap<>();
    int n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      String header = r.readLine();
      if (!"date,delay,distance,origin,destination".equals(header)) {
        throw new IllegalArgumentException(file + ": unexpected header " + header);
      }
      String line;
      while (n < limit && (line = r.readLine()) != null) {
        if (n == date.length) {
          int grown = date.length * 2;
          date = Arrays.copyOf(date, grown);
          delay = Arrays.copyOf(delay, grown);
          distance = Arrays.copyOf(distance, grown);
          origin = Arrays.copyOf(origin, grown);
          destination = Arrays.copyOf(destination, grown);
        }
        String[] f = line.split(",", -1);
        if (f.length != 5 || f[0].length() != 19) {
          throw new IllegalArgumentException(file + " line " + (n + 2) + ": expected date,delay,distance,origin,"
              + "destination with a yyyy-MM-dd HH:mm:ss date, got '" + line + "'");
        }
        date[n] = micros(f[0]);
        delay[n] = Integer.parseInt(f[1]);
        distance[n] = Integer.parseInt(f[2]);
        origin[n] = airports.computeIfAbsent(f[3], k -> k);
        destination[n] = airports.computeIfAbsent(f[4], k -> k);
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new Flights(date, delay, distance, origin, destination, n);
  }

  private static long micros(String s) {
    LocalDate d = LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
        Integer.parseInt(s.substring(8, 10)));
    long seconds = d.toEpochDay() * 86_400L + Integer.parseInt(s.substring(11, 13)) * 3600L
        + Integer.parseInt(s.substring(14, 16)) * 60L + Integer.parseInt(s.substring(17, 19));
    return seconds * 1_000_000L;
  }

  /** Rows loaded. */
  public int size() {
    return size;
  }

  /** A fresh cursor over every row, in file order. */
  public RowSource cursor() {
    return new Cursor();
  }

  private final class Cursor implements RowSource, Row {
    private int i = -1;

    @Override
    public Schema schema() {
      return SCHEMA;
    }

    @Override
    public boolean next() {
      return ++i < size;
    }

    @Override
    public Row row() {
      return this;
    }

    @Override
    public boolean isNull(int index) {
      return false;
    }

    @Override
    public boolean getBoolean(int index) {
      throw unsupported(index);
    }

    @Override
    public int getInt(int index) {
      switch (index) {
        case 1:
          return delay[i];
        case 2:
          return distance[i];
        default:
          throw unsupported(index);
      }
    }

    @Override
    public long getLong(int index) {
      if (index == 0) {
        return date[i];
      }
      throw unsupported(index);
    }

    @Override
    public float getFloat(int index) {
      throw unsupported(index);
    }

    @Override
    public double getDouble(int index) {
      throw unsupported(index);
    }

    @Override
    public BigDecimal getDecimal(int index) {
      throw unsupported(index);
    }

    @Override
    public String getString(int index) {
      switch (index) {
        case 3:
          return origin[i];
        case 4:
          return destination[i];
        default:
          throw unsupported(index);
      }
    }

    @Override
    public byte[] getBinary(int index) {
      throw unsupported(index);
    }

    private UnsupportedOperationException unsupported(int index) {
      return new UnsupportedOperationException("flights column " + index + " is not read with this getter");
    }
  }
}
