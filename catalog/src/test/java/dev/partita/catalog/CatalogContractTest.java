package dev.partita.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.catalog.jdbc.JdbcCatalog;
import dev.partita.commit.DataFile;
import dev.partita.format.ColumnStats;
import dev.partita.partition.Transform;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalog API against SQLite and PostgreSQL: every operation, read back through a fresh connection. */
class CatalogContractTest {
  /** Names and values that break naive SQL: quotes, statement separators, LIKE wildcards, non-ASCII. */
  static final List<String> TRICKY = List.of(
      "it's",
      "x'); DROP TABLE partita_tables; --",
      "semi;colon",
      "100% \"quoted\" _under_",
      "Zürich – 東京 🚀",
      "back\\slash/and=equals",
      "tab\tnew\nline");

  @TempDir
  Path tmp;

  static Schema schema() {
    return Schema.builder().required("id", DataType.int64()).optional("name", DataType.string())
        .optional("price", DataType.decimal(10, 2)).optional("ts", DataType.timestamp()).build();
  }

  static TableDefinition definition(TableId id, Path location) {
    return TableDefinition.builder(id).location(location.toString()).format("parquet").schema(schema())
        .partitionColumn(PartitionColumn.of("region", DataType.string()))
        .partitionColumn(PartitionColumn.derived("ts_year", DataType.int32(), "ts", Transform.year()))
        .property("owner", "it's me; 100%").build();
  }

  static DataFile file(String path, String region, String year, long rows, List<ColumnStats> stats) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("region", region);
    values.put("ts_year", year);
    return new DataFile(path, values, rows, rows * 10, stats);
  }

  static ColumnStats stats(String column, long values, long nulls, Object min, Object max) {
    return new ColumnStats(column, values, nulls, Optional.ofNullable(min), Optional.ofNullable(max));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void migratesOnceAndReopens(Backend backend) throws Exception {
    try (Backend.Store store = backend.newStore(tmp)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Integer>>> opens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          opens.add(pool.submit(() -> {
            try (JdbcCatalog c = JdbcCatalog.open(CatalogOptions.builder(store.url()).build())) {
              return c.appliedMigrations();
            }
          }));
        }
        List<Integer> applied = new ArrayList<>();
        for (Future<List<Integer>> f : opens) {
          applied.addAll(f.get());
        }
        // Four concurrent opens of a new database: exactly one applied the versions (2 adds the jobs tables, 3 the
        // jobs' stored definitions).
        assertThat(applied).containsExactly(1, 2, 3);
      } finally {
        pool.shutdown();
      }
      try (JdbcCatalog c = JdbcCatalog.open(CatalogOptions.builder(store.url()).build())) {
        assertThat(c.appliedMigrations()).isEmpty();
        assertThat(c.schemaVersion()).isEqualTo(3);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void namespacesRoundTripTrickyNames(Backend backend) throws Exception {
    try (Backend.Store store = backend.newStore(tmp)) {
      try (Catalog c = store.open()) {
        for (String name : TRICKY) {
          assertThat(c.namespaces().create(name)).isTrue();
          assertThat(c.namespaces().create(name)).isFalse();
        }
        assertThat(c.namespaces().exists("it")).isFalse();
        assertThat(c.namespaces().exists("%")).isFalse();
      }
      try (Catalog c = store.open()) {
        List<String> expected = new ArrayList<>(TRICKY);
        expected.sort(dev.partita.catalog.internal.StatValues::compareCodePoints);
        assertThat(c.namespaces().list()).containsExactlyElementsOf(expected);
        for (String name : TRICKY) {
          assertThat(c.namespaces().exists(name)).isTrue();
        }
        c.tables().create(definition(TableId.of(TRICKY.get(1), "t"), tmp));
        assertThatThrownBy(() -> c.namespaces().drop(TRICKY.get(1))).isInstanceOf(CatalogException.class)
            .hasMessageContaining("still holds 1 table");
        assertThat(c.namespaces().drop(TRICKY.get(0))).isTrue();
        assertThat(c.namespaces().drop(TRICKY.get(0))).isFalse();
        assertThat(c.namespaces().list()).hasSize(TRICKY.size() - 1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void tablesRoundTripAndAlter(Backend backend) throws Exception {
    try (Backend.Store store = backend.newStore(tmp)) {
      List<TableDefinition> created = new ArrayList<>();
      try (Catalog c = store.open()) {
        for (String name : TRICKY) {
          TableDefinition d = definition(TableId.of("ns", name), tmp.resolve("loc " + name.hashCode()))
              .toBuilder().property(name, name).build();
          CatalogTable t = c.tables().create(d);
          assertThat(t.definition()).isEqualTo(d);
          assertThat(t.schemaVersion()).isEqualTo(1);
          created.add(d);
        }
        assertThatThrownBy(() -> c.tables().create(created.get(0))).isInstanceOf(TableExistsException.class)
            .hasMessageContaining(created.get(0).id().toString());
      }
      try (Catalog c = store.open()) {
        for (TableDefinition d : created) {
          assertThat(c.tables().find(d.id())).map(CatalogTable::definition).contains(d);
        }
        List<TableId> expected = new ArrayList<>(created.stream().map(TableDefinition::id).toList());
        expected.sort((a, b) -> dev.partita.catalog.internal.StatValues.compareCodePoints(a.name(), b.name()));
        assertThat(c.tables().list("ns")).containsExactlyElementsOf(expected);
        assertThat(c.tables().list("other")).isEmpty();
        assertThat(c.tables().find(TableId.of("ns", "it"))).isEmpty();

        TableId id = created.get(1).id();
        Schema wider = Schema.builder().required("id", DataType.int64()).optional("name", DataType.string())
            .optional("price", DataType.decimal(10, 2)).optional("ts", DataType.timestamp())
            .optional("note; it's new", DataType.string()).build();
        CatalogTable altered = c.tables().alter(id, List.of(TableChange.setSchema(wider, "added a note"),
            TableChange.setProperty("owner", "you"), TableChange.removeProperty(TRICKY.get(1)),
            TableChange.setSchema(wider, "same again: no new version")));
        assertThat(altered.schemaVersion()).isEqualTo(2);
        assertThat(altered.schema()).isEqualTo(wider);
        assertThat(altered.definition().properties()).containsEntry("owner", "you")
            .doesNotContainKey(TRICKY.get(1));
        assertThat(c.tables().schemaHistory(id)).extracting(SchemaVersion::version, SchemaVersion::schema,
            SchemaVersion::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, schema(), "created"),
                org.assertj.core.groups.Tuple.tuple(2, wider, "added a note"));
        Schema clash = Schema.builder().optional("region", DataType.string()).build();
        assertThatThrownBy(() -> c.tables().alter(id, List.of(TableChange.setSchema(clash, "bad"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'region'");
        assertThat(c.tables().find(id).orElseThrow().schemaVersion()).isEqualTo(2);
        assertThatThrownBy(() -> c.tables().alter(TableId.of("ns", "nope"), List.of()))
            .isInstanceOf(NoSuchTableException.class);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void dropKeepsFilesUnlessAsked(Backend backend) throws Exception {
    try (Backend.Store store = backend.newStore(tmp); Catalog c = store.open()) {
      for (boolean delete : new boolean[] {false, true}) {
        Path root = tmp.resolve("table-" + delete);
        Path data = root.resolve("region=eu/ts_year=2024/part-0.parquet");
        Files.createDirectories(data.getParent());
        Files.writeString(data, "x");
        TableId id = TableId.of("drop " + delete);
        c.tables().create(definition(id, root));
        c.partitions().apply(id, PartitionChanges.builder()
            .addFile(file("region=eu/ts_year=2024/part-0.parquet", "eu", "2024", 1, List.of())).build());
        assertThat(c.tables().drop(id, delete)).isTrue();
        assertThat(c.tables().drop(id, delete)).isFalse();
        assertThat(c.tables().find(id)).isEmpty();
        assertThat(Files.exists(data)).isEqualTo(!delete);
        // The name is free again and the new table starts empty.
        c.tables().create(definition(id, root));
        assertThat(c.partitions().list(id, PartitionFilter.all())).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void partitionsRegisterIdempotentlyWithStatistics(Backend backend) throws Exception {
    try (Backend.Store store = backend.newStore(tmp)) {
      TableId id = TableId.of("sales");
      try (Catalog c = store.open()) {
        c.tables().create(definition(id, tmp));
        List<ColumnStats> s1 = List.of(stats("id", 3, 0, 1L, 3L), stats("name", 3, 1, "b", "x"),
            stats("price", 3, 0, new BigDecimal("1.50"), new BigDecimal("9.99")));
        List<ColumnStats> s2 = List.of(stats("id", 2, 0, 0L, 7L), stats("name", 2, 2, null, null),
            stats("price", 2, 0, new BigDecimal("0.10"), new BigDecimal("5.00")));
        PartitionChanges w1 = PartitionChanges.builder().writeId("w1")
            .addFile(file("region=eu/ts_year=2024/a.parquet", "eu", "2024", 3, s1))
            .addFile(file("region=eu/ts_year=2024/b.parquet", "eu", "2024", 2, s2))
            .build();
        ChangeResult r = c.partitions().apply(id, w1);
        assertThat(r).isEqualTo(new ChangeResult(true, 1, 2, 0, 0, 0));
        assertThat(c.partitions().apply(id, w1)).isEqualTo(ChangeResult.ALREADY_APPLIED);

        for (String value : TRICKY) {
          c.partitions().apply(id, PartitionChanges.builder().writeId("w-" + value)
              .addFile(file(dev.partita.partition.PartitionPaths.escape("region") + "="
                  + dev.partita.partition.PartitionPaths.escape(value) + "/ts_year=2023/f.parquet", value, "2023",
                  1, List.of()))
              .build());
        }
        c.partitions().apply(id, PartitionChanges.builder().writeId("nulls")
            .addFile(file("region=__HIVE_DEFAULT_PARTITION__/ts_year=__HIVE_DEFAULT_PARTITION__/n.parquet", null,
                null, 4, s1))
            .build());
      }
      try (Catalog c = store.open()) {
        CatalogPartition eu = c.partitions().get(id, "region=eu/ts_year=2024").orElseThrow();
        assertThat(eu.values()).containsExactly(Map.entry("region", "eu"), Map.entry("ts_year", "2024"));
        assertThat(eu.files()).isEqualTo(2);
        assertThat(eu.rows()).isEqualTo(5);
        assertThat(eu.bytes()).isEqualTo(50);
        assertThat(eu.location()).isEqualTo(tmp + "/region=eu/ts_year=2024");
        assertThat(eu.state()).isEqualTo(PartitionState.ACTIVE);
        Map<String, ColumnStats> byName = new LinkedHashMap<>();
        eu.columns().forEach(s -> byName.put(s.column(), s));
        assertThat(byName.keySet()).containsExactly("id", "name", "price");
        assertThat(byName.get("id")).isEqualTo(stats("id", 5, 0, 0L, 7L));
        // The second file's names are all null: the bounds come from the first.
        assertThat(byName.get("name")).isEqualTo(stats("name", 5, 3, "b", "x"));
        assertThat(byName.get("price").min()).contains(new BigDecimal("0.10"));
        assertThat(byName.get("price").max()).contains(new BigDecimal("9.99"));

        for (String value : TRICKY) {
          String path = "region=" + dev.partita.partition.PartitionPaths.escape(value) + "/ts_year=2023";
          CatalogPartition p = c.partitions().get(id, path).orElseThrow();
          assertThat(p.values().get("region")).isEqualTo(value);
          // A file without statistics: the partition has none.
          assertThat(p.columns()).isEmpty();
          assertThat(c.partitions().files(id, PartitionFilter.eq("region", value)))
              .extracting(CatalogFile::partitionPath).containsExactly(path);
        }
        CatalogPartition nulls = c.partitions().get(id,
            "region=__HIVE_DEFAULT_PARTITION__/ts_year=__HIVE_DEFAULT_PARTITION__").orElseThrow();
        assertThat(nulls.values()).containsEntry("region", null).containsEntry("ts_year", null);
        assertThat(c.partitions().list(id, PartitionFilter.all())).hasSize(TRICKY.size() + 2);
        assertThat(c.partitions().files(id, PartitionFilter.isNull("region"))).extracting(CatalogFile::path)
            .containsExactly("region=__HIVE_DEFAULT_PARTITION__/ts_year=__HIVE_DEFAULT_PARTITION__/n.parquet");
        assertThat(c.partitions().files(id, PartitionFilter.all())).extracting(CatalogFile::writeId)
            .contains(Optional.of("w1"), Optional.of("nulls"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void removalsRecomputeDeprecationAndDrop(Backend backend) throws Exception {
    try (Backend.Store store = backend.newStore(tmp); Catalog c = store.open()) {
      TableId id = TableId.of("t");
      c.tables().create(definition(id, tmp));
      c.partitions().apply(id, PartitionChanges.builder()
          .addFile(file("region=eu/ts_year=2024/a", "eu", "2024", 3, List.of(stats("id", 3, 0, 1L, 3L))))
          .addFile(file("region=eu/ts_year=2024/b", "eu", "2024", 2, List.of(stats("id", 2, 0, 10L, 20L))))
          .addFile(file("region=us/ts_year=2024/c", "us", "2024", 1, List.of()))
          .addFile(file("region=ap/ts_year=2024/d", "ap", "2024", 1, List.of()))
          .build());
      // An overwrite: b replaced by e.
      ChangeResult r = c.partitions().apply(id, PartitionChanges.builder().writeId("overwrite")
          .removeFile("region=eu/ts_year=2024/b")
          .addFile(file("region=eu/ts_year=2024/e", "eu", "2024", 7, List.of(stats("id", 7, 1, 4L, 5L))))
          .removeFile("no/such/file")
          .build());
      assertThat(r).isEqualTo(new ChangeResult(true, 0, 1, 1, 0, 0));
      CatalogPartition eu = c.partitions().get(id, "region=eu/ts_year=2024").orElseThrow();
      assertThat(eu.files()).isEqualTo(2);
      assertThat(eu.rows()).isEqualTo(10);
      assertThat(eu.columns()).containsExactly(stats("id", 10, 1, 1L, 5L));

      r = c.partitions().apply(id, PartitionChanges.builder().deprecatePartition("region=us/ts_year=2024")
          .dropPartition("region=ap/ts_year=2024").build());
      assertThat(r).isEqualTo(new ChangeResult(true, 0, 0, 0, 1, 1));
      assertThat(c.partitions().list(id, PartitionFilter.all())).extracting(CatalogPartition::path,
          CatalogPartition::state).containsExactly(
              org.assertj.core.groups.Tuple.tuple("region=eu/ts_year=2024", PartitionState.ACTIVE),
              org.assertj.core.groups.Tuple.tuple("region=us/ts_year=2024", PartitionState.DEPRECATED));
      // Deprecated partitions' files are not planned.
      assertThat(c.partitions().files(id, PartitionFilter.all())).extracting(CatalogFile::path)
          .containsExactly("region=eu/ts_year=2024/a", "region=eu/ts_year=2024/e");
      // A file registered into a deprecated partition revives it.
      c.partitions().apply(id, PartitionChanges.builder()
          .addFile(file("region=us/ts_year=2024/c2", "us", "2024", 1, List.of())).build());
      assertThat(c.partitions().get(id, "region=us/ts_year=2024").orElseThrow().state())
          .isEqualTo(PartitionState.ACTIVE);
      assertThat(c.partitions().get(id, "region=us/ts_year=2024").orElseThrow().files()).isEqualTo(2);

      assertThatThrownBy(() -> c.partitions().apply(id, PartitionChanges.builder()
          .addFile(new DataFile("x/y", Map.of("ts_year", "1"), 1, 1, List.of())).build()))
          .isInstanceOf(CatalogException.class).hasMessageContaining("partitioned by [region, ts_year]");
      assertThatThrownBy(() -> c.partitions().files(TableId.of("none"), PartitionFilter.all()))
          .isInstanceOf(NoSuchTableException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void closedCatalogRejectsCalls(Backend backend) throws Exception {
    try (Backend.Store store = backend.newStore(tmp)) {
      Catalog c = store.open();
      c.close();
      c.close();
      assertThatThrownBy(() -> c.namespaces().list()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }
}
