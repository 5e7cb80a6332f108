package dev.partita.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.catalog.internal.StatValues;
import dev.partita.commit.DataFile;
import dev.partita.partition.PartitionPaths;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Partition pruning through the catalog against a brute-force evaluation in Java: random partitions of five
 * typed columns (nulls included), random filters of every operator nested with AND/OR, literals given as Java
 * values or as folder text.
 */
class PruningTest {
  static final String[] NAMES = {"n", "big", "d", "s", "x", "ts"};
  static final DataType[] TYPES = {DataType.int32(), DataType.int64(), DataType.date(), DataType.string(),
      DataType.float64(), DataType.timestamp()};
  static final String[] STRINGS = {"a", "b", "ab", "B", "ü", "z", "東京", "🚀", "\uFFFD", "it's", "100%", "a;b", ""};
  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @TempDir Path tmp;

  /** A random value of column {@code c}, as its Java value; null sometimes. */
  static Object value(Random r, int c) {
    if (r.nextInt(10) == 0) {
      return null;
    }
    return switch (c) {
      case 0 -> r.nextInt(41) - 20;
      case 1 -> (r.nextBoolean() ? 1L : -1L) * (r.nextInt(5) * 3_000_000_000L + r.nextInt(3));
      case 2 -> LocalDate.of(2023, 12, 25).plusDays(r.nextInt(20));
      case 3 -> STRINGS[r.nextInt(STRINGS.length - 1)];
      case 4 -> (r.nextInt(21) - 10) / 4.0;
      default -> LocalDateTime.of(2024, 2, 28, 22, 0).plusMinutes(30L * r.nextInt(12));
    };
  }

  static String text(Object v) {
    return v instanceof LocalDateTime t ? TS.format(t) : v.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof String s) {
      return StatValues.compareCodePoints(s, (String) b);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return a instanceof Double || b instanceof Double ? Double.compare(x.doubleValue(), y.doubleValue())
          : Long.compare(x.longValue(), y.longValue());
    }
    return ((Comparable) a).compareTo(b);
  }

  /** The brute-force truth: SQL semantics, a null value satisfies only IS NULL. */
  static boolean matches(PartitionFilter f, Object[] row) {
    if (f instanceof PartitionFilter.All) {
      return true;
    }
    if (f instanceof PartitionFilter.And a) {
      return a.filters().stream().allMatch(x -> matches(x, row));
    }
    if (f instanceof PartitionFilter.Or o) {
      return o.filters().stream().anyMatch(x -> matches(x, row));
    }
    if (f instanceof PartitionFilter.IsNull n) {
      return row[column(n.column())] == null;
    }
    if (f instanceof PartitionFilter.Comparison c) {
      Object v = row[column(c.column())];
      if (v == null) {
        return false;
      }
      int cmp = compare(v, typed(column(c.column()), c.value()));
      return switch (c.operator()) {
        case EQ -> cmp == 0;
        case NE -> cmp != 0;
        case LT -> cmp < 0;
        case LE -> cmp <= 0;
        case GT -> cmp > 0;
        case GE -> cmp >= 0;
      };
    }
    if (f instanceof PartitionFilter.In in) {
      Object v = row[column(in.column())];
      return v != null && in.values().stream().anyMatch(x -> compare(v, typed(column(in.column()), x)) == 0);
    }
    PartitionFilter.Between b = (PartitionFilter.Between) f;
    Object v = row[column(b.column())];
    int c = column(b.column());
    return v != null && compare(v, typed(c, b.low())) >= 0 && compare(v, typed(c, b.high())) <= 0;
  }

  /** A literal given as text back to the column's Java value. */
  static Object typed(int column, Object literal) {
    if (!(literal instanceof String s) || column == 3) {
      return literal;
    }
    return switch (column) {
      case 0 -> Integer.parseInt(s);
      case 1 -> Long.parseLong(s);
      case 2 -> LocalDate.parse(s);
      case 4 -> Double.parseDouble(s);
      default -> LocalDateTime.parse(s, TS);
    };
  }

  static int column(String name) {
    return List.of(NAMES).indexOf(name);
  }

  /** A literal for column {@code c}: a Java value, or its folder text every third time. */
  static Object literal(Random r, int c) {
    Object v = value(r, c);
    while (v == null) {
      v = value(r, c);
    }
    return c != 3 && r.nextInt(3) == 0 ? text(v) : v;
  }

  static PartitionFilter randomFilter(Random r, int depth) {
    int kind = depth >= 3 ? 2 + r.nextInt(5) : r.nextInt(7);
    int c = r.nextInt(NAMES.length);
    String name = NAMES[c];
    switch (kind) {
      case 0, 1: {
        List<PartitionFilter> parts = new ArrayList<>();
        for (int i = r.nextInt(4); i >= 0; i--) {
          parts.add(randomFilter(r, depth + 1));
        }
        return kind == 0 ? new PartitionFilter.And(parts) : new PartitionFilter.Or(parts);
      }
      case 2, 3: {
        PartitionFilter.Operator op = PartitionFilter.Operator.values()[r.nextInt(6)];
        return new PartitionFilter.Comparison(name, op, literal(r, c));
      }
      case 4: {
        List<Object> values = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          values.add(literal(r, c));
        }
        return PartitionFilter.in(name, values);
      }
      case 5: {
        Object a = literal(r, c);
        Object b = literal(r, c);
        return compare(typed(c, a), typed(c, b)) <= 0 ? PartitionFilter.between(name, a, b)
            : PartitionFilter.between(name, b, a);
      }
      default:
        return PartitionFilter.isNull(name);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void prunesExactlyAsBruteForce(Backend backend) throws Exception {
    Random r = new Random(20240601);
    TableId id = TableId.of("pruned");
    TableDefinition.Builder def = TableDefinition.builder(id).location(tmp.toString())
        .schema(Schema.builder().required("v", DataType.int64()).build());
    for (int i = 0; i < NAMES.length; i++) {
      def.partitionColumn(PartitionColumn.of(NAMES[i], TYPES[i]));
    }
    Map<String, Object[]> rows = new LinkedHashMap<>();
    PartitionChanges.Builder changes = PartitionChanges.builder();
    while (rows.size() < 400) {
      Object[] row = new Object[NAMES.length];
      Map<String, String> values = new LinkedHashMap<>();
      StringBuilder path = new StringBuilder();
      for (int c = 0; c < NAMES.length; c++) {
        row[c] = value(r, c);
        values.put(NAMES[c], row[c] == null ? null : text(row[c]));
        path.append(c == 0 ? "" : "/").append(NAMES[c]).append('=')
            .append(PartitionPaths.escape(row[c] == null ? null : text(row[c])));
      }
      if (rows.putIfAbsent(path.toString(), row) == null) {
        changes.addFile(new DataFile(path + "/f.parquet", values, 1, 1, List.of()));
      }
    }
    try (Backend.Store store = backend.newStore(tmp); Catalog catalog = store.open()) {
      catalog.tables().create(def.build());
      catalog.partitions().apply(id, changes.build());
      int nonTrivial = 0;
      for (int i = 0; i < 300; i++) {
        PartitionFilter f = randomFilter(r, 0);
        TreeSet<String> expected = new TreeSet<>();
        rows.forEach((path, row) -> {
          if (matches(f, row)) {
            expected.add(path);
          }
        });
        TreeSet<String> actual = new TreeSet<>();
        catalog.partitions().list(id, f).forEach(p -> actual.add(p.path()));
        assertThat(actual).as("filter %s", f).isEqualTo(expected);
        TreeSet<String> fileParents = new TreeSet<>();
        catalog.partitions().files(id, f).forEach(x -> fileParents.add(x.partitionPath()));
        assertThat(fileParents).as("files of filter %s", f).isEqualTo(expected);
        if (!expected.isEmpty() && expected.size() < rows.size()) {
          nonTrivial++;
        }
      }
      // The random filters are mostly selective, neither none nor all.
      assertThat(nonTrivial).isGreaterThan(150);

      assertThatThrownBy(() -> catalog.partitions().files(id, PartitionFilter.eq("nope", 1)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[n, big, d, s, x, ts]");
      assertThatThrownBy(() -> catalog.partitions().files(id, PartitionFilter.eq("d", 5)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use a LocalDate");
      assertThatThrownBy(() -> catalog.partitions().files(id, PartitionFilter.lt("n", "x1")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x1' is not a int32 value");
    }
  }
}
