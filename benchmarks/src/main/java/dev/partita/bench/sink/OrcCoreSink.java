package dev.partita.bench.sink;

import dev.partita.partition.PartitionSpec;
import dev.partita.row.Row;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;

/**
 * The orc-core peer: {@link Writer} fed {@link VectorizedRowBatch}es of 1,024 rows, with orc-core's defaults
 * (64MB stripes, 256KB compression blocks, row index every 10,000 rows, its shared memory manager) except the
 * codec. Unpartitioned, one file; partitioned, one writer (and one batch) per partition, all open at once (fanout)
 * or one at a time for sorted input (clustered). Files go through Hadoop's {@link RawLocalFileSystem} (no checksum
 * files).
 */
public final class OrcCoreSink implements TableSink {
  private final PartitionSpec spec;
  private final CompressionKind codec;
  private final boolean clustered;
  private final Configuration conf = new Configuration(false);
  private final RawLocalFileSystem fs = new RawLocalFileSystem();

  /** A sink partitioned by {@code spec}; {@code clustered} keeps one writer open and needs sorted input. */
  public OrcCoreSink(PartitionSpec spec, Codec codec, boolean clustered) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.codec = switch (codec) {
      case NONE -> CompressionKind.NONE;
      case SNAPPY -> CompressionKind.SNAPPY;
      case ZSTD -> CompressionKind.ZSTD;
      case GZIP -> CompressionKind.ZLIB;
      case LZ4_RAW -> CompressionKind.LZ4;
    };
    this.clustered = clustered;
    try {
      fs.initialize(URI.create("file:///"), conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long write(RowSource source, Path dir) throws IOException {
    Schema data = spec.dataSchema();
    TypeDescription type = orcType(data);
    int[] sourceColumns = new int[data.size()];
    for (int i = 0; i < sourceColumns.length; i++) {
      sourceColumns[i] = source.schema().require(data.column(i).name());
    }
    PeerPartitioner partitioner = new PeerPartitioner(spec);
    String suffix = codec == CompressionKind.NONE ? ".orc"
        : "." + codec.name().toLowerCase(java.util.Locale.ROOT) + ".orc";
    Open[] open = new Open[16];
    int current = -1;
    long rows = 0;
    try {
      while (source.next()) {
        Row row = source.row();
        int slot = partitioner.slot(row);
        if (slot >= open.length) {
          open = Arrays.copyOf(open, Math.max(slot + 1, open.length * 2));
        }
        Open o = open[slot];
        if (o == null) {
          if (clustered && current >= 0) {
            open[current].close();
          }
          Path file = dir.resolve(partitioner.path(slot)).resolve("part-00000" + suffix);
          Writer w = OrcFile.createWriter(new org.apache.hadoop.fs.Path(file.toUri()),
              OrcFile.writerOptions(conf).setSchema(type).compress(codec).fileSystem(fs));
          o = new Open(w, type.createRowBatch(), data, sourceColumns);
          open[slot] = o;
          current = slot;
        } else if (clustered && slot != current) {
          throw new IllegalStateException("clustered orc-core sink got partition " + partitioner.path(slot)
              + " again after it was closed; sort the input by partition");
        }
        o.add(row);
        rows++;
      }
    } finally {
      IOException first = null;
      for (int i = 0; i < open.length; i++) {
        if (open[i] == null || (clustered && i != current)) {
          continue;
        }
        try {
          open[i].close();
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
    return rows;
  }

  /** The ORC type Partita writes for {@code schema}, for the column types of the benchmark tables. */
  static TypeDescription orcType(Schema schema) {
    TypeDescription t = TypeDescription.createStruct();
    for (Column c : schema.columns()) {
      DataType type = c.type();
      t.addField(c.name(), switch (type.kind()) {
        case INT32 -> TypeDescription.createInt();
        case INT64 -> TypeDescription.createLong();
        case FLOAT64 -> TypeDescription.createDouble();
        case STRING -> TypeDescription.createString();
        case TIMESTAMP -> type.isAdjustedToUtc() ? TypeDescription.createTimestampInstant()
            : TypeDescription.createTimestamp();
        default -> throw new IllegalArgumentException("the orc-core peer does not map column " + c);
      });
    }
    return t;
  }

  /** One open file: its writer and the batch being filled. */
  private static final class Open {
    private final Writer writer;
    private final VectorizedRowBatch batch;
    private final ColumnVector[] vectors;
    private final int[] sourceColumns;
    private final DataType.Kind[] kinds;
    private boolean closed;

    Open(Writer writer, VectorizedRowBatch batch, Schema data, int[] sourceColumns) {
      this.writer = writer;
      this.batch = batch;
      this.vectors = batch.cols;
      this.sourceColumns = sourceColumns;
      this.kinds = new DataType.Kind[data.size()];
      for (int i = 0; i < kinds.length; i++) {
        kinds[i] = data.column(i).type().kind();
      }
    }

    void add(Row row) throws IOException {
      int r = batch.size++;
      for (int i = 0; i < vectors.length; i++) {
        int s = sourceColumns[i];
        ColumnVector v = vectors[i];
        if (row.isNull(s)) {
          v.noNulls = false;
          v.isNull[r] = true;
          continue;
        }
        v.isNull[r] = false;
        switch (kinds[i]) {
          case INT32 -> ((LongColumnVector) v).vector[r] = row.getInt(s);
          case INT64 -> ((LongColumnVector) v).vector[r] = row.getLong(s);
          case FLOAT64 -> ((DoubleColumnVector) v).vector[r] = row.getDouble(s);
          case STRING -> ((BytesColumnVector) v).setVal(r, row.getString(s).getBytes(StandardCharsets.UTF_8));
          case TIMESTAMP -> {
            long micros = row.getLong(s);
            TimestampColumnVector t = (TimestampColumnVector) v;
            t.time[r] = Math.floorDiv(micros, 1000L);
            t.nanos[r] = (int) Math.floorMod(micros, 1_000_000L) * 1000;
          }
          default -> throw new IllegalStateException(kinds[i].name());
        }
      }
      if (batch.size == batch.getMaxSize()) {
        writer.addRowBatch(batch);
        batch.reset();
      }
    }

    void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (batch.size > 0) {
        writer.addRowBatch(batch);
        batch.reset();
      }
      writer.close();
    }
  }
}
