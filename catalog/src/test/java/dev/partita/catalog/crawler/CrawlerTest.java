package dev.partita.catalog.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.catalog.Backend;
import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogFile;
import dev.partita.catalog.CatalogPartition;
import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.PartitionState;
import dev.partita.catalog.TableId;
import dev.partita.format.orc.OrcFormat;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.table.Table;
import dev.partita.testing.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Crawls create and maintain catalog tables under Glue-like policies. */
class CrawlerTest {
  @TempDir Path tmp;

  /** Checks that the catalog lists exactly the table's visible data files, with their real sizes. */
  static void assertRegisteredFiles(Catalog catalog, TableId id, Path root) throws Exception {
    List<String> onDisk = Table.open(root).dataFiles();
    List<CatalogFile> files = catalog.partitions().files(id, PartitionFilter.all());
    assertThat(files).extracting(CatalogFile::path).containsExactlyElementsOf(onDisk);
    for (CatalogFile f : files) {
      assertThat(f.bytes()).isEqualTo(Files.size(root.resolve(f.path())));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void crawlFindsTablesAndNamesThemAfterTheirFolders(Backend backend) throws Exception {
    Path lake = tmp.resolve("lake");
    Tables.write(lake.resolve("Sales-2024"), ParquetFormat.defaults(), 0, 400);
    Tables.write(lake.resolve("raw/events"), OrcFormat.builder().build(), 0, 100);
    Files.createDirectories(lake.resolve("empty"));
    try (Backend.Store store = backend.newStore(tmp); Catalog catalog = store.open()) {
      Crawler crawler = Crawler.create(catalog, CrawlerOptions.builder().namespace("lake").tablePrefix("crawled_")
          .build());
      CrawlReport report = crawler.crawl(lake);
      assertThat(report.tables()).extracting(TableCrawl::table).containsExactly(
          TableId.of("lake", "crawled_sales_2024"), TableId.of("lake", "crawled_events"));
      assertThat(report.tables()).allSatisfy(t -> {
        assertThat(t.created()).isTrue();
        assertThat(t.problems()).isEmpty();
      });
      assertThat(catalog.tables().list("lake")).containsExactly(TableId.of("lake", "crawled_events"),
          TableId.of("lake", "crawled_sales_2024"));
      TableId sales = TableId.of("lake", "crawled_sales_2024");
      CatalogTable t = catalog.tables().find(sales).orElseThrow();
      assertThat(t.definition().format()).isEqualTo("parquet");
      assertThat(t.schema()).isEqualTo(Tables.SPEC.dataSchema());
      assertThat(t.definition().partitionColumns()).extracting(c -> c.name() + ":" + c.type())
          .containsExactly("region:string", "day:date");
      assertRegisteredFiles(catalog, sales, lake.resolve("Sales-2024"));
      assertThat(catalog.tables().find(TableId.of("lake", "crawled_events")).orElseThrow().definition().format())
          .isEqualTo("orc");
      assertRegisteredFiles(catalog, TableId.of("lake", "crawled_events"), lake.resolve("raw/events"));
      // Statistics from the footers reached the catalog's partitions.
      long ids = catalog.partitions().list(sales, PartitionFilter.all()).stream()
          .mapToLong(p -> p.columns().stream().filter(s -> s.column().equals("id")).findFirst().orElseThrow()
              .valueCount()).sum();
      assertThat(ids).isEqualTo(400);
      // Pruning a crawled table: typed date comparison on a folder column.
      assertThat(catalog.partitions().files(sales, PartitionFilter.ge("day", LocalDate.of(2024, 1, 3))))
          .allSatisfy(f -> assertThat(f.partitionPath()).endsWith("day=2024-01-03")).isNotEmpty();

      // A second crawl with nothing changed changes nothing.
      CrawlReport again = crawler.crawl(lake);
      assertThat(again.tables()).allSatisfy(r -> {
        assertThat(r.created()).isFalse();
        assertThat(r.filesAdded() + r.filesRemoved() + r.partitionsAdded()).isZero();
        assertThat(r.schemaChanges()).isEmpty();
      });
      assertThatThrownBy(() -> Crawler.create(catalog, CrawlerOptions.builder().tableName("one").build())
          .crawl(lake)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 2 tables");
    }
  }

  /** A table with one partition folder gone and one file gone from another partition. */
  private Path tableWithDeletions() throws Exception {
    Path root = tmp.resolve("t");
    Tables.write(root, ParquetFormat.defaults(), 0, 300);
    Tables.write(root, ParquetFormat.defaults(), 300, 600);
    return root;
  }

  private static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DeletePolicy.class)
  void vanishedPartitionsAndFilesFollowTheDeletePolicy(DeletePolicy policy) throws Exception {
    Path root = tableWithDeletions();
    try (Backend.Store store = Backend.SQLITE.newStore(tmp); Catalog catalog = store.open()) {
      Crawler crawler = Crawler.create(catalog, CrawlerOptions.builder().tableName("t").deletePolicy(policy)
          .build());
      crawler.crawl(root);
      TableId id = TableId.of("t");
      int before = catalog.partitions().list(id, PartitionFilter.all()).size();
      String gonePartition = "region=eu-west/day=2024-01-01";
      deleteTree(root.resolve(gonePartition));
      Path oneFile;
      try (Stream<Path> s = Files.list(root.resolve("region=us east/day=2024-01-02"))) {
        oneFile = s.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
      }
      Files.delete(oneFile);
      // And a new partition.
      Tables.parquetFile(root.resolve("region=ap/day=2024-02-01/new.parquet"), Tables.SPEC.dataSchema()
          .without(List.of("note")), 5);

      TableCrawl r = crawler.crawl(root).tables().get(0);
      assertThat(r.partitionsAdded()).isEqualTo(1);
      assertThat(r.filesAdded()).isEqualTo(1);
      List<CatalogPartition> after = catalog.partitions().list(id, PartitionFilter.all());
      switch (policy) {
        case DELETE_FROM_CATALOG -> {
          assertThat(r.partitionsDropped()).isEqualTo(1);
          assertThat(r.filesRemoved()).isEqualTo(1);
          assertThat(after).hasSize(before).extracting(CatalogPartition::path).doesNotContain(gonePartition);
          assertRegisteredFiles(catalog, id, root);
        }
        case DEPRECATE -> {
          assertThat(r.partitionsDeprecated()).isEqualTo(1);
          assertThat(r.filesRemoved()).isEqualTo(1);
          assertThat(after).hasSize(before + 1).filteredOn(p -> p.path().equals(gonePartition))
              .singleElement().extracting(CatalogPartition::state).isEqualTo(PartitionState.DEPRECATED);
          // Deprecated partitions are not planned: the planned files are exactly those on disk.
          assertRegisteredFiles(catalog, id, root);
        }
        case LOG -> {
          assertThat(r.partitionsDropped() + r.partitionsDeprecated() + r.filesRemoved()).isZero();
          assertThat(r.logged()).anySatisfy(l -> assertThat(l).contains("partition " + gonePartition))
              .anySatisfy(l -> assertThat(l).contains("file " + root.relativize(oneFile)));
          assertThat(after).hasSize(before + 1);
        }
      }
      // The new file lacks the note column: it became nullable (it already was), nothing else changed.
      assertThat(r.schemaChanges()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(SchemaChangePolicy.class)
  void schemaChangesFollowTheSchemaPolicy(SchemaChangePolicy policy) throws Exception {
    Path root = tmp.resolve("evolving");
    Schema v1 = Schema.builder().required("a", DataType.int32()).required("b", DataType.float32()).build();
    Tables.parquetFile(root.resolve("k=1/a.parquet"), v1, 10);
    try (Backend.Store store = Backend.SQLITE.newStore(tmp); Catalog catalog = store.open()) {
      Crawler crawler = Crawler.create(catalog, CrawlerOptions.builder().schemaChangePolicy(policy).build());
      crawler.crawl(root);
      TableId id = TableId.of("evolving");
      assertThat(catalog.tables().find(id).orElseThrow().schema()).isEqualTo(v1);
      Tables.parquetFile(root.resolve("k=2/b.parquet"), Schema.builder().required("a", DataType.int64())
          .required("b", DataType.float64()).optional("c", DataType.string()).build(), 10);
      TableCrawl r = crawler.crawl(root).tables().get(0);
      assertThat(r.schemaChanges()).containsExactly("widened a int32 -> int64", "widened b float -> double",
          "added column c string");
      assertThat(r.filesAdded()).isEqualTo(1);
      Schema now = catalog.tables().find(id).orElseThrow().schema();
      if (policy == SchemaChangePolicy.UPDATE_IN_CATALOG) {
        assertThat(r.schemaUpdated()).isTrue();
        assertThat(now).isEqualTo(Schema.builder().required("a", DataType.int64())
            .required("b", DataType.float64()).optional("c", DataType.string()).build());
        assertThat(catalog.tables().schemaHistory(id)).hasSize(2);
      } else {
        assertThat(r.schemaUpdated()).isFalse();
        assertThat(now).isEqualTo(v1);
        assertThat(r.logged()).hasSize(3);
      }
      // An incompatible file is reported, never applied.
      Tables.parquetFile(root.resolve("k=3/c.parquet"), Schema.builder().required("a", DataType.string())
          .build(), 1);
      TableCrawl bad = crawler.crawl(root).tables().get(0);
      assertThat(bad.problems()).anySatisfy(p -> assertThat(p).contains("column a:"));
    }
  }

  @Test
  void newFoldersOnlyReadsOnlyNewFoldersFooters() throws Exception {
    Path root = tmp.resolve("t");
    Tables.write(root, ParquetFormat.defaults(), 0, 300);
    int initialFiles = Table.open(root).dataFiles().size();
    try (Backend.Store store = Backend.SQLITE.newStore(tmp); Catalog catalog = store.open()) {
      CrawlerOptions.Builder options = CrawlerOptions.builder().tableName("t");
      TableCrawl first = Crawler.create(catalog, options.build()).crawl(root).tables().get(0);
      assertThat(first.footersRead()).isEqualTo(initialFiles);

      Schema s = Tables.SPEC.dataSchema();
      Tables.parquetFile(root.resolve("region=new/day=2024-05-01/a.parquet"), s.without(List.of("note")), 3);
      Tables.parquetFile(root.resolve("region=new/day=2024-05-01/b.parquet"), s.without(List.of("note")), 3);
      Tables.parquetFile(root.resolve("region=new/day=2024-05-02/c.parquet"), s.without(List.of("note")), 3);
      // A file added to a known partition is not seen by a new-folders-only crawl.
      Tables.parquetFile(root.resolve("region=eu-west/day=2024-01-01/late.parquet"), s.without(List.of("note")),
          3);
      TableCrawl incremental = Crawler.create(catalog, options.recrawlPolicy(RecrawlPolicy.CRAWL_NEW_FOLDERS_ONLY)
          .build()).crawl(root).tables().get(0);
      assertThat(incremental.footersRead()).isEqualTo(3);
      assertThat(incremental.filesAdded()).isEqualTo(3);
      assertThat(incremental.partitionsAdded()).isEqualTo(2);
      TableId id = TableId.of("t");
      assertThat(catalog.partitions().files(id, PartitionFilter.all())).hasSize(initialFiles + 3);

      TableCrawl everything = Crawler.create(catalog, options.recrawlPolicy(RecrawlPolicy.CRAWL_EVERYTHING)
          .build()).crawl(root).tables().get(0);
      assertThat(everything.footersRead()).isEqualTo(initialFiles + 4);
      assertThat(everything.filesAdded()).isEqualTo(1);
      assertRegisteredFiles(catalog, id, root);
    }
  }

  @Test
  void crawlsAPyarrowFileAndADuckDbTable() throws Exception {
    Path flights = Datasets.file("flights-3m.parquet");
    Path duck = tmp.resolve("duck");
    Tables.duckExecute("COPY (SELECT delay, distance, destination, CAST(date AS DATE) AS d, origin FROM"
        + " read_parquet(" + Tables.quote(flights) + ") WHERE month(date) = 3 AND origin IN ('SEA', 'PDX'))"
        + " TO " + Tables.quote(duck) + " (FORMAT PARQUET, PARTITION_BY (d, origin))");
    try (Backend.Store store = Backend.SQLITE.newStore(tmp); Catalog catalog = store.open()) {
      Crawler crawler = Crawler.create(catalog, CrawlerOptions.defaults());
      TableCrawl f = crawler.crawl(flights).tables().get(0);
      assertThat(f.table()).isEqualTo(TableId.of("flights_3m"));
      List<CatalogFile> files = catalog.partitions().files(f.table(), PartitionFilter.all());
      assertThat(files).singleElement().satisfies(x -> {
        assertThat(x.location()).isEqualTo(flights.toAbsolutePath().normalize().toString());
        assertThat(x.rows()).isEqualTo(3_000_000L);
      });

      TableCrawl d = crawler.crawl(duck).tables().get(0);
      assertThat(d.table()).isEqualTo(TableId.of("duck"));
      assertThat(d.problems()).isEmpty();
      CatalogTable t = catalog.tables().find(d.table()).orElseThrow();
      assertThat(t.definition().partitionColumns()).extracting(c -> c.name() + ":" + c.type())
          .containsExactly("d:date", "origin:string");
      PartitionFilter week = PartitionFilter.between("d", LocalDate.of(2001, 3, 5), LocalDate.of(2001, 3, 11))
          .and(PartitionFilter.eq("origin", "SEA"));
      long planned = catalog.partitions().files(d.table(), week).stream().mapToLong(CatalogFile::rows).sum();
      long expected = Tables.duckCount("SELECT count(*) FROM read_parquet(" + Tables.quote(flights) + ") WHERE"
          + " CAST(date AS DATE) BETWEEN DATE '2001-03-05' AND DATE '2001-03-11' AND origin = 'SEA'");
      assertThat(planned).isEqualTo(expected).isGreaterThan(0);
      assertThat(catalog.partitions().list(d.table(), week)).hasSize(7);
    }
  }
}
