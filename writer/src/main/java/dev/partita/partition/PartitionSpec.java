package dev.partita.partition;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the rows of a table are split into partitions: an ordered list of {@link PartitionField}s over the columns
 * of a {@link Schema}, and the time zone the temporal transforms of instants are computed in. Immutable and
 * thread-safe; compute a row's partition with a {@link PartitionKey} from {@link #newKey()}, and its path with
 * {@link PartitionPaths}.
 *
 * <pre>{@code
 * PartitionSpec spec = PartitionSpec.builder(schema).year("ts").month("ts").identity("region").build();
 * // fields ts_year, ts_month, region -> ts_year=2024/ts_month=3/region=eu-west
 * }</pre>
 */
public final class PartitionSpec {

  /** The zone used when none is set: UTC. */
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneOffset.UTC;

  private final Schema schema;
  private final List<PartitionField> fields;
  private final ZoneId timeZone;
  private final Set<String> sourceColumns;
  private final Schema partitionSchema;
  private final DataType[] resultTypes;
  private final FieldEvaluator[] evaluators;
  private final ZoneCalendar calendar;

  private PartitionSpec(Schema schema, List<PartitionField> fields, ZoneId timeZone) {
    this.schema = schema;
    this.fields = List.copyOf(fields);
    this.timeZone = timeZone;
    this.calendar = new ZoneCalendar(timeZone);
    int n = this.fields.size();
    this.resultTypes = new DataType[n];
    this.evaluators = new FieldEvaluator[n];
    Set<String> identitySources = new LinkedHashSet<>();
    List<Column> partitionColumns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      PartitionField f = this.fields.get(i);
      int column = schema.require(f.sourceColumn());
      DataType source = schema.column(column).type();
      try {
        resultTypes[i] = f.transform().resultType(source);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("partition field '" + f.name() + "': " + e.getMessage(), e);
      }
      evaluators[i] = FieldEvaluator.of(f.transform(), column, source, calendar);
      partitionColumns.add(Column.optional(f.name(), resultTypes[i]));
      if (f.transform().isIdentity()) {
        identitySources.add(f.sourceColumn());
      }
    }
    this.sourceColumns = Collections.unmodifiableSet(identitySources);
    this.partitionSchema = Schema.of(partitionColumns);
  }

  /** A spec without partition fields over {@code schema}: every row goes to the table root. */
  public static PartitionSpec unpartitioned(Schema schema) {
    Objects.requireNonNull(schema, "schema");
    return new PartitionSpec(schema, List.of(), DEFAULT_TIME_ZONE);
  }

  /** A builder of a spec over {@code schema}. */
  public static Builder builder(Schema schema) {
    return new Builder(Objects.requireNonNull(schema, "schema"));
  }

  /** The table schema the fields read from. */
  public Schema schema() {
    return schema;
  }

  /** The partition fields, in path order. */
  public List<PartitionField> fields() {
    return fields;
  }

  /** The zone in which year, month, day, hour and date of instants ({@code timestamptz}) are computed. */
  public ZoneId timeZone() {
    return timeZone;
  }

  /** Whether the spec has no fields. */
  public boolean isUnpartitioned() {
    return fields.isEmpty();
  }

  /**
   * The columns read by identity fields, in field order. Their values are in the partition path, so writers drop
   * them from data files by default (see {@link #dataSchema()}).
   */
  public Set<String> sourceColumns() {
    return sourceColumns;
  }

  /** The table schema without {@link #sourceColumns()}: the columns a data file holds by default. */
  public Schema dataSchema() {
    return schema.without(sourceColumns);
  }

  /**
   * One nullable column per field, named as the field, typed as the transform's result (see
   * {@link Transform#resultType}). {@link PartitionKey#get} values fit these types.
   */
  public Schema partitionSchema() {
    return partitionSchema;
  }

  /** A fresh, reusable key for this spec; {@link PartitionKey#set} fills it from a row. */
  public PartitionKey newKey() {
    return new PartitionKey(this);
  }

  DataType resultType(int field) {
    return resultTypes[field];
  }

  FieldEvaluator evaluator(int field) {
    return evaluators[field];
  }

  ZoneCalendar calendar() {
    return calendar;
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof PartitionSpec s && s.schema.equals(schema) && s.fields.equals(fields)
            && s.timeZone.equals(timeZone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, fields, timeZone);
  }

  @Override
  public String toString() {
    return isUnpartitioned() ? "unpartitioned" : fields + (timeZone.equals(DEFAULT_TIME_ZONE) ? "" : " in " + timeZone);
  }

  /**
   * Collects partition fields. The default field name is the column name for identity and
   * {@code <column>_<transform>} otherwise ({@code date_month}, {@code customer_bucket}). {@link #build()} checks
   * that columns exist, transforms apply to their types, names are unique and that no field other than an
   * identity of that very column is named like a data column.
   */
  public static final class Builder {
    private final Schema schema;
    private final List<PartitionField> fields = new ArrayList<>();
    private ZoneId timeZone = DEFAULT_TIME_ZONE;

    private Builder(Schema schema) {
      this.schema = schema;
    }

    /** Adds the value of {@code column} itself, named as the column. */
    public Builder identity(String column) {
      return add(column, Transform.identity(), column);
    }

    /** Adds the year of date or timestamp {@code column}, named {@code <column>_year}. */
    public Builder year(String column) {
      return addDefault(Transform.year(), column);
    }

    /** Adds the month (1-12) of date or timestamp {@code column}, named {@code <column>_month}. */
    public Builder month(String column) {
      return addDefault(Transform.month(), column);
    }

    /** Adds the day of month (1-31) of date or timestamp {@code column}, named {@code <column>_day}. */
    public Builder day(String column) {
      return addDefault(Transform.day(), column);
    }

    /** Adds the hour of day (0-23) of timestamp {@code column}, named {@code <column>_hour}. */
    public Builder hour(String column) {
      return addDefault(Transform.hour(), column);
    }

    /** Adds the calendar day of date or timestamp {@code column} as a date, named {@code <column>_date}. */
    public Builder date(String column) {
      return addDefault(Transform.date(), column);
    }

    /** Adds Iceberg's bucket of {@code column} into {@code n} buckets, named {@code <column>_bucket}. */
    public Builder bucket(int n, String column) {
      return addDefault(Transform.bucket(n), column);
    }

    /** Adds Iceberg's truncation of {@code column} to {@code width}, named {@code <column>_truncate}. */
    public Builder truncate(int width, String column) {
      return addDefault(Transform.truncate(width), column);
    }

    /** Adds a field with an explicit name. */
    public Builder add(String name, Transform transform, String column) {
      fields.add(new PartitionField(name, column, transform));
      return this;
    }

    /**
     * The zone for year, month, day, hour and date of instants ({@code timestamptz} columns); default
     * {@link #DEFAULT_TIME_ZONE}. Local timestamps and dates are never shifted.
     */
    public Builder timeZone(ZoneId zone) {
      this.timeZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    private Builder addDefault(Transform t, String column) {
      Objects.requireNonNull(column, "column");
      return add(column + "_" + t.name(), t, column);
    }

    /**
     * The spec.
     *
     * @throws IllegalArgumentException naming the field: unknown column, transform not applicable to the column's
     *     type, duplicate name, a name that collides with a data column, or the same transform of the same column
     *     twice
     */
    public PartitionSpec build() {
      Set<String> names = new HashSet<>();
      Set<String> pairs = new HashSet<>();
      for (PartitionField f : fields) {
        if (!names.add(f.name())) {
          throw new IllegalArgumentException("duplicate partition field name '" + f.name()
              + "'; give one of the fields another name with add(name, transform, column)");
        }
        if (schema.indexOf(f.sourceColumn()).isEmpty()) {
          throw new IllegalArgumentException("partition field '" + f.name() + "': no column '" + f.sourceColumn()
              + "' in schema " + schema);
        }
        boolean ownColumn = f.transform().isIdentity() && f.name().equals(f.sourceColumn());
        if (!ownColumn && schema.indexOf(f.name()).isPresent()) {
          throw new IllegalArgumentException("partition field name '" + f.name() + "' collides with data column '"
              + f.name() + "'; only an identity field of that column may share its name, choose another name");
        }
        if (!pairs.add(f.transform() + "\u0000" + f.sourceColumn())) {
          throw new IllegalArgumentException("partition field '" + f.name() + "' repeats transform " + f.transform()
              + " of column '" + f.sourceColumn() + "' already used by another field");
        }
      }
      return new PartitionSpec(schema, fields, timeZone);
    }
  }
}
