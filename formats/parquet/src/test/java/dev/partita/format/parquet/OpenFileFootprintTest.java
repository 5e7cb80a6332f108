package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many open files, as a fanout writer over thousands of partitions keeps them: each holds little heap, and what
 * it holds is what {@code progress()} reports, so that the memory budget bounds the real heap. The heap is read
 * after garbage collection, before and after opening the files.
 */
class OpenFileFootprintTest {
  private static final int FILES = 2_000;

  @TempDir
  Path dir;

  private static final Schema SALES = Schema.builder()
      .required("order_id", DataType.int64())
      .required("ts", DataType.timestamp())
      .required("year", DataType.int32())
      .required("month", DataType.int32())
      .required("day", DataType.int32())
      .required("region", DataType.string())
      .required("product", DataType.string())
      .required("qty", DataType.int32())
      .required("price", DataType.float64())
      .required("customer", DataType.string())
      .optional("note", DataType.string())
      .build();

  private static long usedHeapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /**
   * With {@code flushes} row groups closed early per file, as the memory budget does to relieve memory: what a
   * flushed row group leaves behind (its footer entry, page index) is held and reported, nothing more.
   */
  @ParameterizedTest(name = "{0} early row groups per file")
  @ValueSource(ints = {0, 3})
  void thousandsOfSmallOpenFilesHoldWhatTheyReport(int flushes) throws Exception {
    Random r = new Random(3);
    String[] regions = {"us-east", "us-west", "eu-central", "eu-west", "ap-south", "ap-northeast", "sa-east"};
    ParquetFormat format = ParquetFormat.builder().codec(CompressionCodecs.byName("snappy")).build();
    ObjectArrayRow row = new ObjectArrayRow(SALES);
    List<FormatWriter> writers = new ArrayList<>(FILES);
    long before = usedHeapAfterGc();
    long id = 0;
    for (int f = 0; f < FILES; f++) {
      FormatWriter w = format.open(SALES, LocalStorage.withoutSync().create(dir.resolve(f + ".parquet").toString()));
      writers.add(w);
      for (int g = 0; g <= flushes; g++) {
        if (g > 0) {
          w.flush();
        }
        for (int i = 0, n = 1 + r.nextInt(50); i < n; i++) {
          w.write(row.wrap(new Object[] {id++, 1_700_000_000_000_000L + r.nextInt(1 << 30), 2024,
              1 + r.nextInt(12), 1 + r.nextInt(28), regions[r.nextInt(regions.length)], "product-" + r.nextInt(1000),
              1 + r.nextInt(20), r.nextInt(100_000) / 100.0, "cust-" + Integer.toHexString(r.nextInt()),
              r.nextInt(10) == 0 ? "gift wrap " + r.nextInt(100) : null}));
        }
      }
    }
    long retained = usedHeapAfterGc() - before;
    long reported = 0;
    for (FormatWriter w : writers) {
      reported += w.progress().bufferedBytes();
    }
    System.out.printf("open files, %d early row groups: %,d retained bytes per file, %,d reported%n", flushes,
        retained / FILES, reported / FILES);
    // Before rows were buffered and buffers shared, a file like these held about 440KB.
    assertThat(retained / FILES).as("retained heap per open file").isLessThan(30_000);
    assertThat(reported).as("reported vs retained heap").isGreaterThan(retained * 7 / 10);
    long rows = 0;
    for (FormatWriter w : writers) {
      rows += w.finish().rows();
    }
    assertThat(rows).isEqualTo(id);
  }
}
