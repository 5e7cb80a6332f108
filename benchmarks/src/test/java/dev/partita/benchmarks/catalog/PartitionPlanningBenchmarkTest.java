package dev.partita.benchmarks.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the planning benchmark: the three planners agree on a small table. */
class PartitionPlanningBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void catalogAndListingsPlanTheSameFiles() throws Exception {
    try (PlanningFixture f = new PlanningFixture(tmp.resolve("fixture"), 30)) {
      List<String> viaCatalog = f.viaCatalog();
      // a = 15, b in 3..5: three partitions of one file each.
      assertThat(viaCatalog).containsExactly("a=15/b=3/part-00001.parquet", "a=15/b=4/part-00001.parquet",
          "a=15/b=5/part-00001.parquet");
      assertThat(f.viaFullListing()).isEqualTo(viaCatalog);
      assertThat(f.viaPrunedListing()).isEqualTo(viaCatalog);
    }
  }
}
