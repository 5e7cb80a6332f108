package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.TableId;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.jobs.source.FileSource;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.write.WriteOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's worked example true: the block between the markers must equal the README's Java block, and
 * what it prints must equal the README's output block.
 */
class ReadmeExampleTest {
  @TempDir Path tmp;

  @Test
  void readmeExampleRunsAndPrintsWhatTheReadmeShows() throws Exception {
    Path landing = tmp.resolve("landing");
    Path tables = tmp.resolve("tables");
    List<List<String>> arrivals = List.of(List.of("2012-01", "2012-02"), List.of("2012-03"),
        List.of("2012-04", "2012-05", "2012-06", "2012-07", "2012-08", "2012-09", "2012-10", "2012-11", "2012-12",
            "2013-01"));
    List<String> months = Weather.monthNames();
    Consumer<List<String>> deliver = batch -> {
      try {
        Weather.deliver(landing, months.indexOf(batch.get(0)), months.indexOf(batch.get(batch.size() - 1)) + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    // README-BEGIN
    Schema schema = Schema.builder()
        .required("date", DataType.date())
        .optional("precipitation", DataType.float64())
        .optional("temp_max", DataType.float64())
        .optional("temp_min", DataType.float64())
        .optional("wind", DataType.float64())
        .optional("weather", DataType.string())
        .build();
    IngestJob job = IngestJob.builder("weather-daily", TableId.of("weather", "daily"), tables.resolve("daily"))
        .source(FileSource.csv("landing", landing, schema).glob("*.csv").contentHash(true).build())
        .writeOptions(WriteOptions.builder(schema, ParquetFormat.builder().build())
            .partitionBy(PartitionSpec.builder(schema).year("date").build())
            .build())
        .build();

    try (Catalog catalog = Catalogs.openSqlite(tables.resolve("catalog.db"))) {
      JobRunner runner = JobRunner.create(catalog);
      IngestJob next = job; // its first run stores the job's definition in the catalog
      for (List<String> batch : arrivals) {
        deliver.accept(batch); // monthly files land in the folder
        List<String> plan = runner.dryRun(next).reads().stream().map(PlannedInput::input).toList();
        out.println("dry run: " + plan.size() + " new files, " + plan.get(0) + " .. " + plan.get(plan.size() - 1));
        RunRecord r = runner.run(next);
        out.printf("run %d %s: %d files read, %d rows in, %d out, %d bad; %d data files into %s%n", r.run(),
            r.status(), r.inputsRead(), r.rowsIn(), r.rowsOut(), r.rowsBad(), r.filesWritten(), r.partitions());
        // later runs need only the job's name: sources, table and partitioning come from the catalog
        next = Jobs.definitions(catalog).job("weather-daily");
      }
      out.println("nothing new: " + runner.run(next).message().orElse(""));

      JobDefinition definition = Jobs.definitions(catalog).current("weather-daily").orElseThrow();
      out.println("definition " + definition.version() + " of " + definition.job() + " (since run "
          + definition.sinceRun() + "), source landing:");
      definition.sourceOptions("landing").forEach((option, value) -> {
        if (!option.equals("directory")) {
          out.println("  " + option + " = '" + value + "'");
        }
      });

      Bookmark bookmark = Jobs.bookmarks(catalog).show("weather-daily");
      out.println("bookmark of " + bookmark.job() + " (last advanced by run " + bookmark.lastRun() + "):");
      for (FileMark f : bookmark.files()) {
        out.printf("  %s  %5d bytes  run %d  sha256 %s...%n", f.path(), f.size(), f.run(),
            f.contentHash().orElse("").substring(0, 12));
      }
      out.println("runs:");
      for (RunRecord r : Jobs.history(catalog).runs("weather-daily")) {
        out.printf("  %d %-9s inputs=%-2d in=%-3d out=%-3d files=%d partitions=%s%s%n", r.run(), r.status(),
            r.inputsRead(), r.rowsIn(), r.rowsOut(), r.filesWritten(), r.partitions(),
            r.message().map(m -> " (" + m + ")").orElse(""));
      }
    }
    // README-END

    try (Catalog catalog = Catalogs.openSqlite(tables.resolve("catalog.db"))) {
      assertThat(Duck.table(catalog, TableId.of("weather", "daily"), Weather.COLUMNS))
          .isEqualTo(Weather.expected(0, 13));
    }
    String source = Files.readString(Path.of("src/test/java/dev/partita/jobs/ReadmeExampleTest.java"),
        StandardCharsets.UTF_8);
    String block = source.substring(source.indexOf("// README-BEGIN\n") + 16, source.indexOf("    // README-END"))
        .lines().map(l -> l.length() >= 4 ? l.substring(4) : l).reduce("", (a, b) -> a + b + "\n");
    String md = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(fenced(md, "java")).as("README.md's Java block must equal this test's example block").isEqualTo(block);
    assertThat(fenced(md, "text")).as("README.md's output block must equal what the example printed")
        .isEqualTo(printed.toString(StandardCharsets.UTF_8));
  }

  /** The first fenced block of a language. */
  private static String fenced(String md, String language) {
    String start = "```" + language + "\n";
    String rest = md.substring(md.indexOf(start) + start.length());
    return rest.substring(0, rest.indexOf("```"));
  }
}
