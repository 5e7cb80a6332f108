package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogFile;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.TableId;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.jobs.source.FileSource;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.testing.Datasets;
import dev.partita.write.WriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large real ingest: flights-3m.csv.gz (3,000,000 rows) in one run, checked against DuckDB's read of the file. */
class FlightsIngestTest {
  private static final String AGGREGATES = "SELECT count(*), sum(delay), sum(distance), count(DISTINCT origin),"
      + " count(DISTINCT destination), min(date), max(date), count(DISTINCT date::DATE)";

  @TempDir Path tmp;

  @Test
  void threeMillionGzipCsvRowsInOneRun() throws Exception {
    Schema schema = Schema.builder().required("date", DataType.timestamp()).optional("delay", DataType.int32())
        .optional("distance", DataType.int32()).optional("origin", DataType.string())
        .optional("destination", DataType.string()).build();
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.copy(Datasets.file("flights-3m.csv.gz"), landing.resolve("flights-3m.csv.gz"));
    TableId id = TableId.of("flights");
    IngestJob job = IngestJob.builder("flights", id, tmp.resolve("flights"))
        .source(FileSource.csv("landing", landing, schema).glob("*.csv.gz").contentHash(true).build())
        .writeOptions(WriteOptions.builder(schema, ParquetFormat.builder().build())
            .partitionBy(PartitionSpec.builder(schema).month("date").build()).build())
        .build();
    try (Catalog catalog = Catalogs.openSqlite(tmp.resolve("catalog.db"))) {
      long t0 = System.nanoTime();
      RunRecord r = JobRunner.create(catalog).run(job);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("flights-3m: %d rows, %d files, %d bytes in %d ms (%.0f rows/s)%n", r.rowsOut(),
          r.filesWritten(), r.bytesWritten(), millis, r.rowsOut() * 1000.0 / millis);
      assertThat(r.rowsIn()).isEqualTo(3_000_000);
      assertThat(r.rowsOut()).isEqualTo(3_000_000);
      assertThat(Jobs.history(catalog).inputs("flights", 1)).singleElement()
          .satisfies(in -> assertThat(in.bytes()).isEqualTo(Files.size(landing.resolve("flights-3m.csv.gz"))));
      List<String> files = catalog.partitions().files(id, PartitionFilter.all()).stream().map(CatalogFile::location)
          .toList();
      List<String> table = Duck.query(AGGREGATES + " FROM read_parquet(" + Duck.files(files)
          + ", hive_partitioning = true)");
      List<String> source = Duck.query(AGGREGATES + " FROM read_csv(" + Duck.literal(
          Datasets.file("flights-3m.csv.gz").toString()) + ", header = true, columns = {'date': 'TIMESTAMP',"
          + " 'delay': 'INTEGER', 'distance': 'INTEGER', 'origin': 'VARCHAR', 'destination': 'VARCHAR'})");
      assertThat(table).isEqualTo(source);
      assertThat(List.of(Long.toString(r.partitionsTouched()))).isEqualTo(Duck.query("SELECT count(DISTINCT"
          + " month(date)) FROM read_parquet(" + Duck.files(files) + ")"));
      assertThat(JobRunner.create(catalog).run(job).inputsRead()).isZero();
    }
  }
}
