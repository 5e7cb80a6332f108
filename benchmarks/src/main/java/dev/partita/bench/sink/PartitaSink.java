package dev.partita.bench.sink;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileFormat;
import dev.partita.format.orc.OrcFormat;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.partition.PartitionSpec;
import dev.partita.storage.LocalStorage;
import dev.partita.table.Table;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.Routing;
import dev.partita.write.WriteOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Partita itself: a {@link Table} on local storage (without fsync, like the peers) and one
 * {@link PartitionedWriter} per table, written by one producer thread (the caller) and {@code parallelism} writer
 * threads, committed at the end.
 */
public final class PartitaSink implements TableSink {
  private final FileFormat format;
  private final PartitionSpec spec;
  private final Routing routing;
  private final int maxOpenFiles;
  private final DataSize memoryBudget;
  private final int parallelism;

  /**
   * A sink writing {@code format}, partitioned by {@code spec}, routed by {@code routing}, with at most
   * {@code maxOpenFiles} files open and {@code memoryBudget} buffered, by {@code parallelism} writer threads.
   */
  public PartitaSink(FileFormat format, PartitionSpec spec, Routing routing, int maxOpenFiles,
      DataSize memoryBudget, int parallelism) {
    this.format = Objects.requireNonNull(format, "format");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.routing = Objects.requireNonNull(routing, "routing");
    this.maxOpenFiles = maxOpenFiles;
    this.memoryBudget = Objects.requireNonNull(memoryBudget, "memoryBudget");
    this.parallelism = parallelism;
  }

  /** Partita's Parquet format with {@code codec} and every other option at its default. */
  public static FileFormat parquet(Codec codec) {
    return ParquetFormat.builder().codec(CompressionCodecs.byName(codec.id())).build();
  }

  /** Partita's ORC format with {@code codec} and every other option at its default. */
  public static FileFormat orc(Codec codec) {
    return OrcFormat.builder().codec(switch (codec) {
      case GZIP -> "zlib";
      case LZ4_RAW -> "lz4";
      default -> codec.id();
    }).build();
  }

  @Override
  public long write(RowSource source, Path dir) {
    WriteOptions options = WriteOptions.builder(source.schema(), format)
        .partitionBy(spec)
        .routing(routing)
        .maxOpenFiles(maxOpenFiles)
        .memoryBudget(memoryBudget)
        .parallelism(parallelism)
        .build();
    Table table = Table.open(LocalStorage.withoutSync(), dir.toString());
    try (PartitionedWriter writer = table.newWriter(options)) {
      while (source.next()) {
        writer.write(source.row());
      }
      return writer.commit().totalRows();
    }
  }
}
