package dev.partita.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Partitioning the shared real datasets: values round-trip through paths, and counts match the data. */
class DatasetPartitionTest {
  private static final Path ROOT = Path.of("/tables/airports").toAbsolutePath();

  @Test
  void airportsStateNameAndCityRoundTripThroughPaths() throws Exception {
    List<List<String>> csv = Datasets.csv("airports.csv");
    assertThat(csv.get(0)).containsExactly("iata", "name", "city", "state", "country", "latitude", "longitude");
    Schema schema = Schema.builder()
        .required("iata", DataType.string()).optional("name", DataType.string()).optional("city", DataType.string())
        .optional("state", DataType.string())
        .build();
    PartitionSpec byState = PartitionSpec.builder(schema).identity("state").build();
    PartitionSpec byAll = PartitionSpec.builder(schema).identity("state").identity("city").identity("name").build();
    PartitionPaths statePaths = PartitionPaths.of(byState);
    PartitionPaths allPaths = PartitionPaths.of(byAll);
    PartitionKey stateKey = byState.newKey();
    PartitionKey allKey = byAll.newKey();
    ObjectArrayRow row = new ObjectArrayRow(schema);
    Map<String, String> stateByPath = new HashMap<>();
    Set<String> states = new HashSet<>();
    int escapedValues = 0;
    for (List<String> r : csv.subList(1, csv.size())) {
      assertThat(r).hasSize(7);
      String name = r.get(1);
      String city = r.get(2);
      String state = r.get(3);
      states.add(state);
      row.wrap(new Object[] {r.get(0), name, city, state});
      stateKey.set(row);
      String path = statePaths.path(stateKey);
      assertThat(statePaths.parse(path)).containsExactly(state);
      assertThat(stateByPath.put(path, state)).isIn(null, state);

      allKey.set(row);
      String all = allPaths.path(allKey);
      assertThat(allPaths.parse(all)).containsExactly(blankToNull(state), blankToNull(city), blankToNull(name));
      assertThat(ROOT.resolve(all).normalize().startsWith(ROOT)).isTrue();
      assertThat(all.split("/")).hasSize(3);
      if (!all.equals("state=" + state + "/city=" + city + "/name=" + name)) {
        escapedValues++;
      }
    }
    assertThat(states).hasSize(57); // the dataset README: 57 states
    assertThat(stateByPath).hasSize(states.size());
    assertThat(escapedValues).as("names with quotes, slashes or colons were escaped").isPositive();
  }

  @Test
  void seattleWeatherMonthsAndYearMonthPairs() throws Exception {
    List<List<String>> csv = Datasets.csv("seattle-weather.csv");
    assertThat(csv.get(0).get(0)).isEqualTo("date");
    Schema schema = Schema.builder().required("date", DataType.date()).required("weather", DataType.string())
        .build();
    PartitionSpec spec = PartitionSpec.builder(schema).year("date").month("date").build();
    PartitionPaths paths = PartitionPaths.of(spec);
    PartitionKey key = spec.newKey();
    ObjectArrayRow row = new ObjectArrayRow(schema);
    Set<Object> months = new TreeSet<>();
    Map<PartitionKey, Integer> rowsPerPartition = new HashMap<>();
    Set<String> pathSet = new TreeSet<>();
    for (List<String> r : csv.subList(1, csv.size())) {
      LocalDate date = LocalDate.parse(r.get(0));
      key.set(row.wrap(new Object[] {date, r.get(5)}));
      assertThat(key.get(0)).isEqualTo(date.getYear());
      assertThat(key.get(1)).isEqualTo(date.getMonthValue());
      months.add(key.get(1));
      rowsPerPartition.merge(key.copy(), 1, Integer::sum);
      String path = paths.path(key);
      assertThat(path).isEqualTo("date_year=" + date.getYear() + "/date_month=" + date.getMonthValue());
      pathSet.add(path);
    }
    assertThat(csv).hasSize(1462);
    assertThat(months).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(rowsPerPartition).hasSize(48);
    assertThat(pathSet).hasSize(48);
    assertThat(rowsPerPartition.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1461);
    assertThat(rowsPerPartition.values()).allSatisfy(n -> assertThat(n).isBetween(28, 31));
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
