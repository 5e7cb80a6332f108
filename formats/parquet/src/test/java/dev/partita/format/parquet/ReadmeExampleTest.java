package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.commit.CommitResult;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.table.Table;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteMode;
import dev.partita.write.WriteOptions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's code example compiling and true: the block between the markers below must equal the
 * README's Java block, and running it writes a table that DuckDB reads.
 */
class ReadmeExampleTest {

  @Test
  void readmeExampleCompilesRunsAndMatchesTheReadme() throws Exception {
    // README-BEGIN
    Schema schema = Schema.builder()
        .required("order_id", DataType.int64())
        .required("ts", DataType.timestampTz())
        .required("region", DataType.string())
        .optional("price", DataType.decimal(10, 2))
        .build();
    PartitionSpec spec = PartitionSpec.builder(schema).year("ts").month("ts").identity("region").build();
    WriteOptions options = WriteOptions.builder(schema,
            ParquetFormat.builder().codec(CompressionCodecs.byName("zstd")).build())
        .partitionBy(spec)
        .mode(WriteMode.APPEND)
        .memoryBudget(DataSize.ofMegabytes(256))
        .build();

    Path root = Files.createTempDirectory("sales");
    Table table = Table.open(root); // finishes or rolls back any write that crashed
    ObjectArrayRow row = new ObjectArrayRow(schema); // or ObjectRow.forClass(Sale.class, schema), MapRow, your Row
    CommitResult result;
    try (PartitionedWriter writer = table.newWriter(options)) {
      writer.write(row.wrap(new Object[] {1L, Instant.parse("2024-03-05T10:15:30Z"), "eu-west",
          new BigDecimal("19.99")}));
      writer.write(row.wrap(new Object[] {2L, Instant.parse("2024-04-01T08:00:00Z"), "us-east", null}));
      result = writer.commit(); // every file appears at once; nothing is visible before
    }
    result.files().forEach(f -> System.out.println(f.path() + " " + f.rows() + " rows"));
    // prints ts_year=2024/ts_month=3/region=eu-west/part-<writeId>-00001.zstd.parquet 1 rows, ...
    // README-END

    assertThat(result.files()).extracting(f -> f.path().substring(0, f.path().lastIndexOf('/')))
        .containsExactlyInAnyOrder("ts_year=2024/ts_month=3/region=eu-west", "ts_year=2024/ts_month=4/region=us-east");
    try (Connection c = Readers.duckDb(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT order_id, region, ts_month, price FROM read_parquet('" + root
            + "/**/*.parquet', hive_partitioning = true) ORDER BY order_id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(1L);
      assertThat(rs.getString(2)).isEqualTo("eu-west");
      assertThat(rs.getInt(3)).isEqualTo(3);
      assertThat(rs.getBigDecimal(4)).isEqualByComparingTo("19.99");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(4)).isNull();
    }

    String source = Files.readString(Path.of("src/test/java/dev/partita/format/parquet/ReadmeExampleTest.java"),
        StandardCharsets.UTF_8);
    String block = source.substring(source.indexOf("// README-BEGIN\n") + 16, source.indexOf("    // README-END"))
        .lines().map(l -> l.length() >= 4 ? l.substring(4) : l).reduce("", (a, b) -> a + b + "\n");
    Path readme = Path.of("../../README.md");
    String md = Files.readString(readme, StandardCharsets.UTF_8);
    String java = md.substring(md.indexOf("```java\n") + 8);
    java = java.substring(0, java.indexOf("```"));
    assertThat(java).as("README.md's Java block must equal this test's example block").isEqualTo(block);
  }
}
