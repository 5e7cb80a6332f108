package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.TableId;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.jobs.metrics.JobMeters;
import dev.partita.jobs.metrics.WriterMeters;
import dev.partita.jobs.source.FileSource;
import dev.partita.partition.PartitionSpec;
import dev.partita.write.WriteOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job and writer meters read from a SimpleMeterRegistry agree with the run history and the catalog. */
class MetricsTest {
  @TempDir Path tmp;

  @Test
  void jobAndWriterMetersMatchTheRunsAndTheTable() throws Exception {
    Path landing = tmp.resolve("landing");
    TableId table = TableId.of("weather");
    WriteOptions options = WriteOptions.builder(Weather.SCHEMA, ParquetFormat.builder().build())
        .partitionBy(PartitionSpec.builder(Weather.SCHEMA).year("date").identity("weather").build())
        .maxRowsPerFile(50).build();
    IngestJob job = IngestJob.builder("w", table, tmp.resolve("table"))
        .source(FileSource.csv("landing", landing, Weather.SCHEMA).glob("*.csv").build())
        .writeOptions(options).maxBadRows(5).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Catalog catalog = Catalogs.openSqlite(tmp.resolve("catalog.db"))) {
      JobRunner runner = JobRunner.create(catalog, RunnerOptions.builder().meterRegistry(registry).build());
      Weather.deliver(landing, 0, 12);
      Files.writeString(landing.resolve("weather-bad.csv"),
          "date,precipitation,temp_max,temp_min,wind,weather\nnot-a-date,1,2,3,4,sun\n");
      RunRecord r1 = runner.run(job);
      Weather.deliver(landing, 12, 30);
      RunRecord r2 = runner.run(job);
      RunRecord r3 = runner.run(job);
      List<RunRecord> runs = List.of(r1, r2, r3);

      assertThat(count(registry, JobMeters.ROWS_IN)).isEqualTo(runs.stream().mapToLong(RunRecord::rowsIn).sum());
      assertThat(count(registry, JobMeters.ROWS_OUT)).isEqualTo(runs.stream().mapToLong(RunRecord::rowsOut).sum())
          .isEqualTo(Weather.expected(0, 30).size());
      assertThat(count(registry, JobMeters.ROWS_BAD)).isEqualTo(1);
      assertThat(count(registry, JobMeters.INPUTS)).isEqualTo(31);
      long files = runs.stream().mapToLong(RunRecord::filesWritten).sum();
      long bytes = runs.stream().mapToLong(RunRecord::bytesWritten).sum();
      assertThat(files).isEqualTo(catalog.partitions().files(table, dev.partita.catalog.PartitionFilter.all()).size())
          .isGreaterThan(20);
      assertThat(count(registry, JobMeters.FILES)).isEqualTo(files);
      assertThat(count(registry, JobMeters.BYTES)).isEqualTo(bytes);
      assertThat(registry.get(JobMeters.RUNS).tag("status", "SUCCEEDED").counter().count()).isEqualTo(3);
      assertThat(registry.get(JobMeters.RUN_DURATION).tag("status", "SUCCEEDED").timer().count()).isEqualTo(3);
      assertThat(registry.get(JobMeters.COMMIT_DURATION).timer().count()).isEqualTo(2);

      assertThat(writer(registry, WriterMeters.ROWS)).isEqualTo(r1.rowsOut() + r2.rowsOut());
      assertThat(writer(registry, WriterMeters.FILES)).isEqualTo(files);
      assertThat(writer(registry, WriterMeters.BYTES)).isEqualTo(bytes);
      assertThat(writer(registry, WriterMeters.ROWS_REJECTED)).isZero();
      assertThat(registry.get(WriterMeters.OPEN_FILES).tag("job", "w").gauge().value()).isZero();
      assertThat(registry.get(WriterMeters.PARTITIONS).tag("job", "w").gauge().value())
          .isEqualTo(r2.partitionsTouched());
    }
  }

  private static double count(SimpleMeterRegistry registry, String name) {
    return registry.get(name).tag("job", "w").counter().count();
  }

  private static double writer(SimpleMeterRegistry registry, String name) {
    return registry.get(name).tag("job", "w").tag("table", "default.weather").functionCounter().count();
  }
}
