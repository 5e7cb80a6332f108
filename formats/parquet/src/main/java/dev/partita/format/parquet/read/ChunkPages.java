package dev.partita.format.parquet.read;

import dev.partita.codec.CompressionCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;

/**
 * The pages of one column chunk, read from the file one at a time as parquet-column's column reader asks for
 * them: page header (Thrift), body, CRC check, decompression with a Partita codec, then a {@link DictionaryPage},
 * {@link DataPageV1} or {@link DataPageV2} over the uncompressed bytes. Index pages are skipped.
 *
 * <p>Buffers: a dictionary page gets its own array (the dictionary refers to it for the whole chunk). Data pages
 * alternate between two buffer slots: values decoded from page n may still be in use while the column reader
 * loads page n+1, never once it loads page n+2.
 */
final class ChunkPages implements PageReader {
  private final FileInput in;
  private final long totalValues;
  private final CompressionCodec codec;
  private final boolean passThrough;
  private final boolean verifyChecksums;
  private final Statistics<?> noStatistics;
  private final String file;
  private final String column;
  private final String where;
  private final Slot[] slots = {new Slot(), new Slot()};
  private final CRC32 crc = new CRC32();
  private byte[] compressed = new byte[0];
  private int nextSlot;
  private long position;
  private long valuesSeen;
  private PageHeader pending;

  /**
   * @param where the row group, for messages
   */
  ChunkPages(FileInput in, long start, long totalValues, CompressionCodec codec, ColumnDescriptor descriptor,
      boolean verifyChecksums, String file, String column, String where) {
    this.in = in;
    this.position = start;
    this.totalValues = totalValues;
    this.codec = codec;
    this.passThrough = codec.name().equals("none");
    this.verifyChecksums = verifyChecksums;
    this.noStatistics = Statistics.getBuilderForReading(descriptor.getPrimitiveType()).build();
    this.file = file;
    this.column = column;
    this.where = where;
  }

  @Override
  public long getTotalValueCount() {
    return totalValues;
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    PageHeader h = nextHeader();
    if (h.getType() != PageType.DICTIONARY_PAGE) {
      pending = h;
      return null;
    }
    DictionaryPageHeader d = h.getDictionary_page_header();
    if (d == null) {
      throw corrupt("a dictionary page without its header", null);
    }
    int size = h.getUncompressed_page_size();
    byte[] body = readBody(h, new byte[h.getCompressed_page_size()]);
    byte[] values;
    if (passThrough) {
      values = body;
    } else {
      values = new byte[size];
      decompress(body, 0, h.getCompressed_page_size(), values, size, "dictionary page");
    }
    return new DictionaryPage(BytesInput.from(values, 0, size), size, d.getNum_values(), encoding(d.getEncoding()));
  }

  @Override
  public DataPage readPage() {
    while (true) {
      PageHeader h = pending != null ? pending : nextHeader();
      pending = null;
      switch (h.getType()) {
        case DATA_PAGE:
          return dataPageV1(h);
        case DATA_PAGE_V2:
          return dataPageV2(h);
        case DICTIONARY_PAGE:
          throw corrupt("a second dictionary page after data pages", null);
        default:
          in.seek(position);
          in.skipBytes(h.getCompressed_page_size());
          position = in.position();
      }
    }
  }

  private DataPage dataPageV1(PageHeader h) {
    DataPageHeader d = h.getData_page_header();
    if (d == null) {
      throw corrupt("a data page without its header", null);
    }
    Slot slot = slots[nextSlot];
    nextSlot ^= 1;
    int size = h.getUncompressed_page_size();
    byte[] data;
    if (passThrough) {
      data = readBody(h, slot.body(h.getCompressed_page_size()));
    } else {
      byte[] body = readBody(h, compressedBuffer(h.getCompressed_page_size()));
      data = slot.data(size);
      decompress(body, 0, h.getCompressed_page_size(), data, size, "data page");
    }
    valuesSeen += d.getNum_values();
    return new DataPageV1(BytesInput.from(data, 0, size), d.getNum_values(), size, noStatistics,
        encoding(d.getRepetition_level_encoding()), encoding(d.getDefinition_level_encoding()),
        encoding(d.getEncoding()));
  }

  private DataPage dataPageV2(PageHeader h) {
    DataPageHeaderV2 d = h.getData_page_header_v2();
    if (d == null) {
      throw corrupt("a data page (v2) without its header", null);
    }
    Slot slot = slots[nextSlot];
    nextSlot ^= 1;
    int rl = d.getRepetition_levels_byte_length();
    int dl = d.getDefinition_levels_byte_length();
    int stored = h.getCompressed_page_size();
    if (rl < 0 || dl < 0 || rl + dl > stored) {
      throw corrupt("a data page (v2) whose level lengths " + rl + " + " + dl + " exceed its " + stored + " bytes",
          null);
    }
    byte[] body = readBody(h, slot.body(stored));
    int dataSize = h.getUncompressed_page_size() - rl - dl;
    boolean isCompressed = !d.isSetIs_compressed() || d.isIs_compressed();
    BytesInput data;
    if (passThrough || !isCompressed) {
      data = BytesInput.from(body, rl + dl, stored - rl - dl);
    } else {
      byte[] out = slot.data(dataSize);
      decompress(body, rl + dl, stored - rl - dl, out, dataSize, "data page (v2)");
      data = BytesInput.from(out, 0, dataSize);
    }
    valuesSeen += d.getNum_values();
    return DataPageV2.uncompressed(d.getNum_rows(), d.getNum_nulls(), d.getNum_values(),
        BytesInput.from(body, 0, rl), BytesInput.from(body, rl, dl), encoding(d.getEncoding()), data,
        noStatistics);
  }

  private PageHeader nextHeader() {
    if (valuesSeen >= totalValues) {
      throw corrupt("more pages requested than its " + totalValues + " values fill", null);
    }
    in.seek(position);
    try {
      PageHeader h = Util.readPageHeader(in);
      position = in.position();
      if (h.getCompressed_page_size() < 0 || h.getUncompressed_page_size() < 0) {
        throw corrupt("a page header with a negative size", null);
      }
      return h;
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException(file + ", column '" + column + "', " + where
          + ": cannot read a page header at offset " + position + ": " + e.getMessage(), e));
    }
  }

  private byte[] readBody(PageHeader h, byte[] into) {
    int length = h.getCompressed_page_size();
    in.seek(position);
    try {
      in.readFully(into, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException(file + ", column '" + column + "', " + where + ": "
          + e.getMessage(), e));
    }
    position = in.position();
    if (verifyChecksums && h.isSetCrc()) {
      crc.reset();
      crc.update(into, 0, length);
      if ((int) crc.getValue() != h.getCrc()) {
        throw corrupt("a " + h.getType() + " whose CRC32 does not match its bytes (stored "
            + Integer.toHexString(h.getCrc()) + ", computed " + Integer.toHexString((int) crc.getValue()) + ")",
            null);
      }
    }
    return into;
  }

  private void decompress(byte[] src, int offset, int length, byte[] dst, int size, String what) {
    int n;
    try {
      n = codec.decompress(ByteBuffer.wrap(src, offset, length), ByteBuffer.wrap(dst, 0, size));
    } catch (RuntimeException e) {
      throw corrupt("a " + what + " that does not decompress with " + codec.name() + ": " + e.getMessage(), e);
    }
    if (n != size) {
      throw corrupt("a " + what + " that decompresses to " + n + " bytes, not the " + size + " its header states",
          null);
    }
  }

  private byte[] compressedBuffer(int length) {
    if (compressed.length < length) {
      compressed = new byte[Math.max(length, compressed.length * 2)];
    }
    return compressed;
  }

  private Encoding encoding(org.apache.parquet.format.Encoding e) {
    try {
      return Encoding.valueOf(e.name());
    } catch (IllegalArgumentException | NullPointerException ex) {
      throw new ParquetReadException(file, column, where + ": encoding " + e + " is not supported; rewrite the file"
          + " with a standard encoding (plain, dictionary, RLE, delta or byte-stream-split)", ex);
    }
  }

  private ParquetReadException corrupt(String what, Throwable cause) {
    return new ParquetReadException(file, column, where + " has " + what + "; the file is corrupt or truncated",
        cause);
  }

  /** The two buffers of a data page: the stored bytes and the decompressed values. */
  private static final class Slot {
    private byte[] body = new byte[0];
    private byte[] data = new byte[0];

    byte[] body(int length) {
      if (body.length < length) {
        body = new byte[Math.max(length, body.length + (body.length >> 1))];
      }
      return body;
    }

    byte[] data(int length) {
      if (data.length < length) {
        data = new byte[Math.max(length, data.length + (data.length >> 1))];
      }
      return data;
    }
  }
}
