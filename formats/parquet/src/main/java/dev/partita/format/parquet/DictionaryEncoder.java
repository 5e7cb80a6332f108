package dev.partita.format.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetEncodingException;

/**
 * Dictionary encoding of one column chunk: each value becomes the id of its entry in an insertion-ordered
 * dictionary, kept in an open-addressing hash table of primitive arrays (no object per entry or per value, and
 * small until it grows). A data page is the ids' bit width in one byte followed by the ids in the RLE/bit-packed
 * hybrid; the dictionary page holds the entries plain-encoded, in id order.
 *
 * <p>Only the entries that pages were written with go into the dictionary page: after a fall-back to another
 * encoding in the middle of a chunk, the entries added for the abandoned page are left out.
 */
abstract class DictionaryEncoder extends ValuesWriter {
  private static final int FIRST_IDS = 64;
  private static final int FIRST_SLOTS = 16;

  private final Encoding dataPageEncoding;
  private final Encoding dictionaryPageEncoding;
  private final ByteBufferAllocator allocator;
  private final int maxPageBytes;
  private int[] ids = new int[FIRST_IDS];
  private int idCount;
  /** Open-addressing table: entry id + 1, or 0 when free. */
  private int[] slots = new int[FIRST_SLOTS];
  private int[] entryHashes = new int[FIRST_SLOTS / 2];
  private int entries;
  private int usedEntries;
  private RunLengthBitPackingHybridEncoder encoder;

  DictionaryEncoder(Encoding dataPageEncoding, Encoding dictionaryPageEncoding, ByteBufferAllocator allocator,
      int maxPageBytes) {
    this.dataPageEncoding = dataPageEncoding;
    this.dictionaryPageEncoding = dictionaryPageEncoding;
    this.allocator = allocator;
    this.maxPageBytes = maxPageBytes;
  }

  /** Entries in the dictionary. */
  final int entries() {
    return entries;
  }

  /** Values in the open page. */
  final int pageValues() {
    return idCount;
  }

  /** Bytes of the dictionary page's entries, plain-encoded. */
  abstract long dictionaryBytes();

  /** Bytes the entries and the table occupy on the heap, beyond {@link #dictionaryBytes()}'s content. */
  abstract long entryStorageBytes();

  /** Writes the open page's values to {@code writer} in their original type (for a fall-back). */
  abstract void replayPage(ValuesWriter writer);

  /** Plain-encodes the first {@code count} entries. */
  abstract BytesInput plainEntries(int count);

  /** Whether the entry with this id equals the value being looked up. */
  abstract boolean entryEquals(int id);

  /** Stores the value being looked up as the entry with the next id. */
  abstract void addEntry(int id);

  /** Drops every entry. */
  abstract void clearEntries();

  /**
   * Appends the id of the value being looked up (hashed to {@code hash}), adding it to the dictionary if new.
   * Subclasses hold the value in a field before calling, so that no object is made per value.
   */
  final void add(int hash) {
    int mask = slots.length - 1;
    int i = hash & mask;
    while (true) {
      int slot = slots[i];
      if (slot == 0) {
        break;
      }
      int id = slot - 1;
      if (entryHashes[id] == hash && entryEquals(id)) {
        appendId(id);
        return;
      }
      i = (i + 1) & mask;
    }
    int id = entries++;
    if (id == entryHashes.length) {
      entryHashes = Arrays.copyOf(entryHashes, id * 2);
    }
    entryHashes[id] = hash;
    addEntry(id);
    slots[i] = id + 1;
    if (entries * 2 > slots.length) {
      grow();
    }
    appendId(id);
  }

  private void appendId(int id) {
    if (idCount == ids.length) {
      ids = Arrays.copyOf(ids, idCount * 2);
    }
    ids[idCount++] = id;
  }

  private void grow() {
    int[] bigger = new int[slots.length * 2];
    int mask = bigger.length - 1;
    for (int id = 0; id < entries; id++) {
      int i = entryHashes[id] & mask;
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = id + 1;
    }
    slots = bigger;
  }

  /** The id at position {@code i} of the open page. */
  final int idAt(int i) {
    return ids[i];
  }

  @Override
  public long getBufferedSize() {
    return (long) idCount * 4;
  }

  @Override
  public BytesInput getBytes() {
    BytesInput bytes = encodeIds();
    pageWritten();
    return bytes;
  }

  /** The open page's ids encoded (valid until the next call or {@link #reset()}), without committing the page. */
  final BytesInput encodeIds() {
    int bitWidth = 32 - Integer.numberOfLeadingZeros(Math.max(0, entries - 1));
    closeEncoder();
    try {
      encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, Math.max(64, maxPageBytes), allocator);
      for (int i = 0; i < idCount; i++) {
        encoder.writeInt(ids[i]);
      }
      return BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), encoder.toBytes());
    } catch (IOException e) {
      throw new ParquetEncodingException("cannot encode dictionary ids", e);
    }
  }

  /** Records that the open page is written with the dictionary, so its entries go into the dictionary page. */
  final void pageWritten() {
    usedEntries = entries;
  }

  /** Whether the page's encoded ids plus the dictionary are smaller than the values written plainly. */
  final boolean smallerThan(long plainBytes, long encodedBytes) {
    return encodedBytes + dictionaryBytes() < plainBytes;
  }

  /** Whether a page was written with the dictionary, so that a dictionary page is needed. */
  final boolean hasPages() {
    return usedEntries > 0;
  }

  @Override
  public Encoding getEncoding() {
    return dataPageEncoding;
  }

  @Override
  public void reset() {
    idCount = 0;
    closeEncoder();
  }

  @Override
  public void close() {
    closeEncoder();
  }

  private void closeEncoder() {
    if (encoder != null) {
      encoder.close();
      encoder = null;
    }
  }

  @Override
  public DictionaryPage toDictPageAndClose() {
    closeEncoder();
    if (usedEntries == 0) {
      return null;
    }
    return new DictionaryPage(plainEntries(usedEntries), usedEntries, dictionaryPageEncoding);
  }

  @Override
  public void resetDictionary() {
    Arrays.fill(slots, 0);
    entries = 0;
    usedEntries = 0;
    clearEntries();
  }

  @Override
  public long getAllocatedSize() {
    return (long) ids.length * 4 + (long) slots.length * 4 + (long) entryHashes.length * 4 + entryStorageBytes();
  }

  @Override
  public String memUsageString(String prefix) {
    return prefix + " dictionary: " + entries + " entries, " + getAllocatedSize() + " bytes";
  }

  /** Murmur3's 64-bit finalizer folded to 32 bits. */
  static int mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return (int) k;
  }
}
