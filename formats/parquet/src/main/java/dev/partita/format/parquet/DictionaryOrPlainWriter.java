package dev.partita.format.parquet;

import java.util.function.Supplier;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes a column chunk with a dictionary while it pays, otherwise with the fall-back encoding (plain, or delta
 * for V2 pages). The dictionary is given up, for the rest of the chunk:
 *
 * <ul>
 *   <li>early, after {@value #PROBE_VALUES} values, when nearly all of them were distinct ({@value #UNIQUE_SHARE}
 *       or more): such a column (ids, timestamps, prices with cents) does not shrink with a dictionary, and
 *       small files, typical of partitioned tables, would otherwise hash every value without ever reaching the
 *       first page where the next check is made;
 *   <li>at the first page, when its ids and the dictionary together are not smaller than the values written
 *       plainly (the check parquet-java makes);
 *   <li>whenever the dictionary outgrows the dictionary page size.
 * </ul>
 *
 * <p>The fall-back writer is made only when needed, and a dictionary no page used is released at once, so that
 * many open files hold little memory.
 */
final class DictionaryOrPlainWriter extends ValuesWriter {
  static final int PROBE_VALUES = 2048;
  static final double UNIQUE_SHARE = 0.98;

  private final Supplier<ValuesWriter> fallbackFactory;
  private final long maxDictionaryBytes;
  private DictionaryEncoder dictionary;
  private ValuesWriter fallback;
  private ValuesWriter current;
  private long valuesInChunk;
  private boolean firstPage = true;
  private long plainBytes;

  DictionaryOrPlainWriter(DictionaryEncoder dictionary, Supplier<ValuesWriter> fallbackFactory,
      long maxDictionaryBytes) {
    this.dictionary = dictionary;
    this.current = dictionary;
    this.fallbackFactory = fallbackFactory;
    this.maxDictionaryBytes = maxDictionaryBytes;
  }

  private void afterValue() {
    if (current == dictionary) {
      valuesInChunk++;
      if ((valuesInChunk == PROBE_VALUES && firstPage && dictionary.entries() >= UNIQUE_SHARE * PROBE_VALUES)
          || dictionary.dictionaryBytes() > maxDictionaryBytes) {
        fallBack();
      }
    }
  }

  private void fallBack() {
    fallback = fallbackFactory.get();
    dictionary.replayPage(fallback);
    current = fallback;
    if (!dictionary.hasPages()) {
      dictionary.close();
      dictionary = null;
    }
  }

  @Override
  public void writeInteger(int v) {
    plainBytes += 4;
    current.writeInteger(v);
    afterValue();
  }

  @Override
  public void writeLong(long v) {
    plainBytes += 8;
    current.writeLong(v);
    afterValue();
  }

  @Override
  public void writeFloat(float v) {
    plainBytes += 4;
    current.writeFloat(v);
    afterValue();
  }

  @Override
  public void writeDouble(double v) {
    plainBytes += 8;
    current.writeDouble(v);
    afterValue();
  }

  @Override
  public void writeBytes(Binary v) {
    plainBytes += v.length() + 4;
    current.writeBytes(v);
    afterValue();
  }

  /** The plain size of the open page's values, so that pages are cut as they would be without a dictionary. */
  @Override
  public long getBufferedSize() {
    return plainBytes;
  }

  @Override
  public BytesInput getBytes() {
    if (current == dictionary && firstPage) {
      BytesInput ids = dictionary.encodeIds();
      if (dictionary.smallerThan(plainBytes, ids.size())) {
        dictionary.pageWritten();
        return ids;
      }
      fallBack();
    }
    return current.getBytes();
  }

  @Override
  public Encoding getEncoding() {
    return current.getEncoding();
  }

  @Override
  public void reset() {
    plainBytes = 0;
    firstPage = false;
    current.reset();
    if (dictionary != null && current != dictionary) {
      dictionary.reset();
    }
  }

  @Override
  public DictionaryPage toDictPageAndClose() {
    return dictionary == null ? null : dictionary.toDictPageAndClose();
  }

  /**
   * Starts the next column chunk: with a fresh dictionary if this chunk kept one, otherwise with the fall-back
   * encoding (Partita makes a new column store for every row group, so this only matters for reuse).
   */
  @Override
  public void resetDictionary() {
    if (dictionary != null) {
      dictionary.resetDictionary();
      if (fallback != null) {
        fallback.close();
        fallback = null;
      }
      current = dictionary;
    }
    valuesInChunk = 0;
    firstPage = true;
  }

  @Override
  public void close() {
    if (dictionary != null) {
      dictionary.close();
    }
    if (fallback != null) {
      fallback.close();
    }
  }

  @Override
  public long getAllocatedSize() {
    return (dictionary == null ? 0 : dictionary.getAllocatedSize())
        + (fallback == null ? 0 : fallback.getAllocatedSize());
  }

  @Override
  public String memUsageString(String prefix) {
    return prefix + " " + (current == dictionary ? "dictionary" : "fallen back") + ", " + getAllocatedSize()
        + " bytes";
  }
}
