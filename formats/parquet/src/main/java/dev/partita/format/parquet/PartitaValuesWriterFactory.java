package dev.partita.format.parquet;

import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Chooses each column's value encoding as parquet-java does (dictionary first where it applies; plain for V1
 * pages, delta encodings for V2 pages otherwise), but with Partita's own dictionary ({@link DictionaryEncoder})
 * and its earlier decision to fall back ({@link DictionaryOrPlainWriter}). The fall-back writers are
 * parquet-column's, taken from its default factory with the dictionary turned off.
 */
final class PartitaValuesWriterFactory implements ValuesWriterFactory {
  private final boolean v2;
  private final boolean dictionary;
  private final ValuesWriterFactory withoutDictionary = new DefaultValuesWriterFactory();
  private ByteBufferAllocator allocator;
  private int pageSize;
  private int maxDictionaryBytes;

  /**
   * A factory for pages of the given version, using dictionaries when {@code dictionary} is set; the page size,
   * dictionary page size and allocator come from the properties it is initialized with.
   */
  PartitaValuesWriterFactory(boolean v2, boolean dictionary) {
    this.v2 = v2;
    this.dictionary = dictionary;
  }

  @Override
  public void initialize(ParquetProperties properties) {
    this.allocator = properties.getAllocator();
    this.pageSize = properties.getPageSizeThreshold();
    this.maxDictionaryBytes = properties.getDictionaryPageSizeThreshold();
    // Building the copy initializes the default factory with it.
    ParquetProperties.copy(properties)
        .withDictionaryEncoding(false)
        .withValuesWriterFactory(withoutDictionary)
        .build();
  }

  @Override
  public ValuesWriter newValuesWriter(ColumnDescriptor descriptor) {
    PrimitiveTypeName type = descriptor.getPrimitiveType().getPrimitiveTypeName();
    boolean dictionaryApplies = dictionary && switch (type) {
      case INT32, INT64, FLOAT, DOUBLE, BINARY -> true;
      // Parquet 1.0 had no dictionary for fixed-length values; parquet-java keeps it so for V1 pages.
      case FIXED_LEN_BYTE_ARRAY -> v2;
      default -> false;
    };
    if (!dictionaryApplies) {
      return withoutDictionary.newValuesWriter(descriptor);
    }
    Encoding dataPages = v2 ? Encoding.RLE_DICTIONARY : Encoding.PLAIN_DICTIONARY;
    Encoding dictionaryPage = v2 ? Encoding.PLAIN : Encoding.PLAIN_DICTIONARY;
    DictionaryEncoder encoder = switch (type) {
      case BINARY, FIXED_LEN_BYTE_ARRAY -> new BinaryDictionary(type == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY,
          dataPages, dictionaryPage, allocator, pageSize);
      default -> new PrimitiveDictionary(type, dataPages, dictionaryPage, allocator, pageSize);
    };
    return new DictionaryOrPlainWriter(encoder, () -> withoutDictionary.newValuesWriter(descriptor),
        maxDictionaryBytes);
  }
}
