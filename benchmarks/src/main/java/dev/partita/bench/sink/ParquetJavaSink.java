package dev.partita.bench.sink;

import dev.partita.partition.PartitionSpec;
import dev.partita.row.Row;
import dev.partita.schema.Column;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The parquet-java peer: {@link ParquetWriter} (parquet-hadoop, with Hadoop's {@link Configuration}) through a
 * direct {@link WriteSupport} that reads the row's typed getters, not the example {@code Group} API. Unpartitioned,
 * one file; partitioned, one writer per partition, either all open at once (fanout) or one at a time for input
 * sorted by partition (clustered). Every option is parquet-java's default (1.0 pages, dictionary, 1MB pages,
 * 128MB row groups) except the codec. Files go through {@link LocalOutputFile} (no Hadoop checksum files).
 */
public final class ParquetJavaSink implements TableSink {
  private final PartitionSpec spec;
  private final CompressionCodecName codec;
  private final boolean clustered;
  private final Configuration conf = new Configuration(false);

  /** A sink partitioned by {@code spec}; {@code clustered} keeps one writer open and needs sorted input. */
  public ParquetJavaSink(PartitionSpec spec, Codec codec, boolean clustered) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.codec = switch (codec) {
      case NONE -> CompressionCodecName.UNCOMPRESSED;
      case SNAPPY -> CompressionCodecName.SNAPPY;
      case ZSTD -> CompressionCodecName.ZSTD;
      case GZIP -> CompressionCodecName.GZIP;
      case LZ4_RAW -> CompressionCodecName.LZ4_RAW;
    };
    this.clustered = clustered;
  }

  @Override
  public long write(RowSource source, Path dir) throws IOException {
    Schema data = spec.dataSchema();
    MessageType type = messageType(data);
    int[] sourceColumns = new int[data.size()];
    for (int i = 0; i < sourceColumns.length; i++) {
      sourceColumns[i] = source.schema().require(data.column(i).name());
    }
    PeerPartitioner partitioner = new PeerPartitioner(spec);
    String suffix = codec == CompressionCodecName.UNCOMPRESSED ? ".parquet"
        : "." + codec.name().toLowerCase(java.util.Locale.ROOT) + ".parquet";
    @SuppressWarnings("unchecked")
    ParquetWriter<Row>[] writers = new ParquetWriter[16];
    int current = -1;
    long rows = 0;
    try {
      while (source.next()) {
        Row row = source.row();
        int slot = partitioner.slot(row);
        if (slot >= writers.length) {
          writers = java.util.Arrays.copyOf(writers, Math.max(slot + 1, writers.length * 2));
        }
        ParquetWriter<Row> w = writers[slot];
        if (w == null) {
          if (clustered && current >= 0) {
            writers[current].close();
          }
          Path file = dir.resolve(partitioner.path(slot)).resolve("part-00000" + suffix);
          Files.createDirectories(file.getParent());
          w = new Builder(new LocalOutputFile(file), new RowWriteSupport(type, data, sourceColumns))
              .withConf(conf)
              .withCompressionCodec(codec)
              .build();
          writers[slot] = w;
          current = slot;
        } else if (clustered && slot != current) {
          throw new IllegalStateException("clustered parquet-java sink got partition " + partitioner.path(slot)
              + " again after it was closed; sort the input by partition");
        }
        w.write(row);
        rows++;
      }
    } finally {
      closeAll(writers, clustered ? current : -1);
    }
    return rows;
  }

  private static void closeAll(ParquetWriter<Row>[] writers, int onlyOpen) throws IOException {
    IOException first = null;
    for (int i = 0; i < writers.length; i++) {
      if (writers[i] == null || (onlyOpen >= 0 && i != onlyOpen)) {
        continue;
      }
      try {
        writers[i].close();
      } catch (IOException | RuntimeException e) {
        if (first == null) {
          first = e instanceof IOException io ? io : new IOException(e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The Parquet schema Partita writes for {@code schema}, for the column types of the benchmark tables. */
  static MessageType messageType(Schema schema) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (Column c : schema.columns()) {
      Repetition rep = c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
      switch (c.type().kind()) {
        case INT32 -> b.primitive(PrimitiveTypeName.INT32, rep)
            .as(LogicalTypeAnnotation.intType(c.type().bitWidth(), true)).named(c.name());
        case INT64 -> b.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.intType(64, true)).named(c.name());
        case TIMESTAMP -> b.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.timestampType(c.type().isAdjustedToUtc(),
                LogicalTypeAnnotation.TimeUnit.MICROS)).named(c.name());
        case FLOAT64 -> b.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.name());
        case STRING -> b.primitive(PrimitiveTypeName.BINARY, rep)
            .as(LogicalTypeAnnotation.stringType()).named(c.name());
        default -> throw new IllegalArgumentException("the parquet-java peer does not map column " + c);
      }
    }
    return b.named("schema");
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return support;
    }
  }

  /** Writes a row's data columns straight into parquet-java's record consumer. */
  private static final class RowWriteSupport extends WriteSupport<Row> {
    private final MessageType type;
    private final int[] sourceColumns;
    private final String[] names;
    private final dev.partita.schema.DataType.Kind[] kinds;
    private RecordConsumer out;

    RowWriteSupport(MessageType type, Schema data, int[] sourceColumns) {
      this.type = type;
      this.sourceColumns = sourceColumns;
      this.names = new String[data.size()];
      this.kinds = new dev.partita.schema.DataType.Kind[data.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = data.column(i).name();
        kinds[i] = data.column(i).type().kind();
      }
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(type, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(Row row) {
      RecordConsumer c = out;
      c.startMessage();
      for (int i = 0; i < sourceColumns.length; i++) {
        int s = sourceColumns[i];
        if (row.isNull(s)) {
          continue;
        }
        c.startField(names[i], i);
        switch (kinds[i]) {
          case INT32 -> c.addInteger(row.getInt(s));
          case INT64, TIMESTAMP -> c.addLong(row.getLong(s));
          case FLOAT64 -> c.addDouble(row.getDouble(s));
          case STRING -> c.addBinary(Binary.fromString(row.getString(s)));
          default -> throw new IllegalStateException(kinds[i].name());
        }
        c.endField(names[i], i);
      }
      c.endMessage();
    }
  }
}
