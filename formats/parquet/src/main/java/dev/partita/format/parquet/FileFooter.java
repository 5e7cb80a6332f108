package dev.partita.format.parquet;

import dev.partita.storage.PositionOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Everything a Parquet file holds after its row groups, collected while they are written: the page index of every
 * column chunk, then {@code FileMetaData}, its 4-byte little-endian length and the closing magic. Until the file
 * ends, each chunk's page index and {@code ColumnMetaData} are kept serialized (a tenth of their size as objects),
 * since a file left open over thousands of partitions may close many row groups early for the memory budget.
 */
final class FileFooter {
  static final byte[] MAGIC = {'P', 'A', 'R', '1'};
  private static final int FORMAT_VERSION = 1;
  /** Rough footer bytes per column chunk, for size estimates. */
  private static final long BYTES_PER_CHUNK = 160;
  /** Heap of a row group's entry besides its chunks (RowGroup, its list, the per-group arrays). */
  private static final long RETAINED_BYTES_PER_GROUP = 200;
  /** Heap of a chunk's entry besides its serialized parts (ColumnChunk, three array slots and headers). */
  private static final long RETAINED_BYTES_PER_CHUNK = 120;

  private final ParquetSchema schema;
  private final List<RowGroup> rowGroups = new ArrayList<>();
  private final List<byte[][]> columnIndexes = new ArrayList<>();
  private final List<byte[][]> offsetIndexes = new ArrayList<>();
  private final List<byte[][]> chunkMetadata = new ArrayList<>();
  private final ScratchBuffer scratch = new ScratchBuffer(4096);
  private long indexBytes;
  private long metadataBytes;

  FileFooter(ParquetSchema schema) {
    this.schema = schema;
  }

  /**
   * Records a written row group with the page index of each of its chunks (null entries where a chunk has none).
   */
  void add(RowGroup group, ColumnIndex[] columnIndex, OffsetIndex[] offsetIndex) throws IOException {
    if (rowGroups.size() <= Short.MAX_VALUE) {
      group.setOrdinal((short) rowGroups.size());
    }
    byte[][] ci = new byte[columnIndex.length][];
    byte[][] oi = new byte[offsetIndex.length][];
    for (int i = 0; i < ci.length; i++) {
      if (columnIndex[i] != null) {
        scratch.reset();
        Util.writeColumnIndex(columnIndex[i], scratch);
        ci[i] = Arrays.copyOf(scratch.array(), scratch.size());
        indexBytes += ci[i].length;
      }
      if (offsetIndex[i] != null) {
        scratch.reset();
        Util.writeOffsetIndex(offsetIndex[i], scratch);
        oi[i] = Arrays.copyOf(scratch.array(), scratch.size());
        indexBytes += oi[i].length;
      }
    }
    List<ColumnChunk> chunks = group.getColumns();
    byte[][] meta = new byte[chunks.size()][];
    for (int i = 0; i < meta.length; i++) {
      scratch.reset();
      Util.writeColumnMetaData(chunks.get(i).getMeta_data(), scratch, null, null);
      meta[i] = Arrays.copyOf(scratch.array(), scratch.size());
      metadataBytes += meta[i].length;
      chunks.get(i).setMeta_data(null);
    }
    rowGroups.add(group);
    columnIndexes.add(ci);
    offsetIndexes.add(oi);
    chunkMetadata.add(meta);
  }

  /** Heap held for the row groups written so far: their serialized metadata and page indexes, and objects. */
  long retainedBytes() {
    long groups = rowGroups.size();
    long chunks = groups * schema.descriptors.size();
    return indexBytes + metadataBytes + groups * RETAINED_BYTES_PER_GROUP + chunks * RETAINED_BYTES_PER_CHUNK;
  }

  /** Expected bytes of the footer if written now with one more row group. */
  long estimatedBytes() {
    return indexBytes + (rowGroups.size() + 1L) * schema.descriptors.size() * BYTES_PER_CHUNK + 8;
  }

  /** Writes the page indexes (every column index, then every offset index), FileMetaData, length and magic. */
  void writeTo(PositionOutputStream out, long rows, Map<String, String> keyValueMetadata, String createdBy)
      throws IOException {
    for (int g = 0; g < rowGroups.size(); g++) {
      List<ColumnChunk> chunks = rowGroups.get(g).getColumns();
      byte[][] meta = chunkMetadata.get(g);
      for (int i = 0; i < meta.length; i++) {
        chunks.get(i).setMeta_data(Util.readColumnMetaData(new ByteArrayInputStream(meta[i]), null, null));
      }
    }
    writeIndexes(out, columnIndexes, true);
    writeIndexes(out, offsetIndexes, false);
    FileMetaData footer = new FileMetaData(FORMAT_VERSION, schema.elements, rows, rowGroups);
    if (!keyValueMetadata.isEmpty()) {
      List<KeyValue> pairs = new ArrayList<>();
      keyValueMetadata.forEach((k, v) -> {
        KeyValue kv = new KeyValue(k);
        kv.setValue(v);
        pairs.add(kv);
      });
      footer.setKey_value_metadata(pairs);
    }
    footer.setCreated_by(createdBy);
    footer.setColumn_orders(schema.columnOrders);
    scratch.reset();
    Util.writeFileMetaData(footer, scratch);
    int length = scratch.size();
    scratch.write(length);
    scratch.write(length >>> 8);
    scratch.write(length >>> 16);
    scratch.write(length >>> 24);
    scratch.write(MAGIC, 0, MAGIC.length);
    out.write(scratch.array(), 0, scratch.size());
  }

  private void writeIndexes(PositionOutputStream out, List<byte[][]> indexes, boolean columnIndex)
      throws IOException {
    for (int g = 0; g < rowGroups.size(); g++) {
      byte[][] group = indexes.get(g);
      for (int i = 0; i < group.length; i++) {
        if (group[i] != null) {
          ColumnChunk chunk = rowGroups.get(g).getColumns().get(i);
          if (columnIndex) {
            chunk.setColumn_index_offset(out.position());
            chunk.setColumn_index_length(group[i].length);
          } else {
            chunk.setOffset_index_offset(out.position());
            chunk.setOffset_index_length(group[i].length);
          }
          out.write(group[i]);
        }
      }
    }
  }
}
