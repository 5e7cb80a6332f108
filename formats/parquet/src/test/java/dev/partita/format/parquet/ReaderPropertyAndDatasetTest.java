package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.parquet.read.ParquetRowReader;
import dev.partita.row.Row;
import dev.partita.schema.Column;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: for random schemas and rows (the generator of {@link RandomSchemaPropertyTest}) written with random
 * options, Partita's reader reads exactly the rows written and what DuckDB reads. Then real data written by another
 * implementation: every value of {@code flights-3m.parquet} (pyarrow, zstd, 11 row groups) equals DuckDB's.
 */
class ReaderPropertyAndDatasetTest {
  private static final long SEED = 20250107L;
  private static final int ITERATIONS = 40;

  @TempDir
  Path dir;

  @Test
  void readsRandomRowsOfRandomSchemasAsWrittenAndAsDuckDbReadsThem() throws Exception {
    Random r = new Random(SEED);
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      Schema schema = RandomSchemaPropertyTest.randomSchema(r);
      List<Object[]> rows = TestRows.randomRows(schema, r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(600), r);
      String codec = ParquetRoundTripTest.CODECS.get(r.nextInt(ParquetRoundTripTest.CODECS.size()));
      ParquetFormat format = ParquetFormat.builder()
          .codec(CompressionCodecs.byName(codec))
          .pageVersion(r.nextBoolean() ? PageVersion.V1 : PageVersion.V2)
          .dictionary(r.nextBoolean())
          .pageRowCountLimit(1 + r.nextInt(300))
          .pageSize(DataSize.ofKilobytes(1 + r.nextInt(64)))
          .dictionaryPageSize(DataSize.ofKilobytes(1 + r.nextInt(16)))
          .rowGroupSize(DataSize.ofKilobytes(16 + r.nextInt(512)))
          .build();
      Path file = dir.resolve("r" + iteration + format.fileSuffix());
      String what = "iteration " + iteration + " (" + format + ", schema " + schema + ")";
      TestRows.write(format, schema, rows, file);
      try {
        assertThat(PartitaReads.schema(file)).isEqualTo(schema);
        List<Object[]> read = PartitaReads.read(file);
        Readers.assertRows("partita vs written", schema, rows, read);
        Readers.assertRows("partita vs duckdb", schema, Readers.readWithDuckDb(file, schema), read);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(what + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void everyValueOfFlights3mParquetEqualsDuckDbs() throws Exception {
    Path file = FlightsDatasetTest.datasets().resolve("flights-3m.parquet");
    List<String> select = new ArrayList<>();
    Schema schema;
    try (ParquetRowReader reader = ParquetRowReader.open(file)) {
      schema = reader.schema();
    }
    for (Column c : schema.columns()) {
      select.add(switch (c.type().kind()) {
        case TIMESTAMP -> "epoch_us(" + Readers.quote(c.name()) + ")";
        case DATE -> "CAST(" + Readers.quote(c.name()) + " - DATE '1970-01-01' AS BIGINT)";
        default -> Readers.quote(c.name());
      });
    }
    long rows = 0;
    long nanos = 0;
    try (Connection c = Readers.duckDb(); Statement s = c.createStatement();
        ResultSet duck = s.executeQuery("SELECT " + String.join(", ", select) + " FROM " + Readers.readParquet(file));
        ParquetRowReader reader = ParquetRowReader.open(file)) {
      assertThat(reader.footer().rowGroups()).isEqualTo(11);
      assertThat(reader.footer().codecs()).containsExactly("zstd");
      Row row = reader.row();
      while (true) {
        long start = System.nanoTime();
        boolean more = reader.next();
        Object[] ours = more ? PartitaReads.values(row, schema) : null;
        nanos += System.nanoTime() - start;
        assertThat(duck.next()).as("DuckDB has row %d", rows + 1).isEqualTo(more);
        if (!more) {
          break;
        }
        rows++;
        for (int i = 0; i < schema.size(); i++) {
          Object theirs = switch (schema.column(i).type().kind()) {
            case INT32, DATE -> duck.getInt(i + 1);
            case INT64, TIMESTAMP, TIME -> duck.getLong(i + 1);
            case FLOAT32 -> duck.getFloat(i + 1);
            case FLOAT64 -> duck.getDouble(i + 1);
            case BOOLEAN -> duck.getBoolean(i + 1);
            default -> duck.getObject(i + 1);
          };
          if (duck.wasNull()) {
            theirs = null;
          }
          if (!Readers.same(theirs, ours[i])) {
            throw new AssertionError("row " + rows + ", column " + schema.column(i).name() + ": duckdb " + theirs
                + ", partita " + ours[i]);
          }
        }
      }
    }
    assertThat(rows).isEqualTo(3_000_000L);
    System.out.printf("flights-3m.parquet: %,d rows read by ParquetRowReader in %.2f s (%,.0f rows/s, including"
        + " boxing for the comparison)%n", rows, nanos / 1e9, rows / (nanos / 1e9));
  }
}
