package dev.partita.bench;

import dev.partita.bench.sink.Codec;
import dev.partita.bench.sink.OrcCoreSink;
import dev.partita.bench.sink.ParquetJavaSink;
import dev.partita.bench.sink.PartitaSink;
import dev.partita.bench.sink.TableSink;
import dev.partita.format.FileFormat;
import dev.partita.partition.PartitionSpec;
import dev.partita.write.Routing;
import dev.partita.write.WriteOptions;

/**
 * The contenders by the names used in the {@code impl} parameter: {@code partita} (fanout),
 * {@code partita-clustered}, {@code partita-orc}, {@code partita-orc-clustered}, {@code parquet-java},
 * {@code parquet-java-clustered}, {@code orc-core}, {@code orc-core-clustered}. Partita may keep as many files
 * open as there are partitions (at least its default), within its default memory budget.
 */
final class Contenders {
  private Contenders() {}

  static TableSink sink(String impl, Codec codec, PartitionSpec spec, int partitions) {
    return sink(impl, codec, spec, partitions, 1);
  }

  /** As {@link #sink(String, Codec, PartitionSpec, int)}, Partita with {@code threads} writer threads. */
  static TableSink sink(String impl, Codec codec, PartitionSpec spec, int partitions, int threads) {
    // As many as the partitions (the parallel writer's workers share the limit by need), at least the default.
    int maxOpen = Math.max(WriteOptions.DEFAULT_MAX_OPEN_FILES, partitions);
    if (threads != 1 && !impl.startsWith("partita")) {
      throw new IllegalArgumentException(impl + " writes with the calling thread only; threads must be 1, got "
          + threads);
    }
    return switch (impl) {
      case "partita" -> partita(PartitaSink.parquet(codec), spec, Routing.FANOUT, maxOpen, threads);
      case "partita-clustered" -> partita(PartitaSink.parquet(codec), spec, Routing.CLUSTERED, maxOpen, threads);
      case "partita-orc" -> partita(PartitaSink.orc(codec), spec, Routing.FANOUT, maxOpen, threads);
      case "partita-orc-clustered" -> partita(PartitaSink.orc(codec), spec, Routing.CLUSTERED, maxOpen, threads);
      case "parquet-java" -> new ParquetJavaSink(spec, codec, false);
      case "parquet-java-clustered" -> new ParquetJavaSink(spec, codec, true);
      case "orc-core" -> new OrcCoreSink(spec, codec, false);
      case "orc-core-clustered" -> new OrcCoreSink(spec, codec, true);
      default -> throw new IllegalArgumentException("unknown impl '" + impl + "'; use partita, partita-clustered,"
          + " partita-orc, partita-orc-clustered, parquet-java, parquet-java-clustered, orc-core or"
          + " orc-core-clustered");
    };
  }

  private static TableSink partita(FileFormat format, PartitionSpec spec, Routing routing, int maxOpen,
      int threads) {
    return new PartitaSink(format, spec, routing, maxOpen, WriteOptions.DEFAULT_MEMORY_BUDGET, threads);
  }
}
