package dev.partita.format.parquet;

import java.io.IOException;
import java.util.OptionalLong;
import org.apache.parquet.column.values.bloomfilter.BlockSplitBloomFilter;
import org.apache.parquet.format.BloomFilterAlgorithm;
import org.apache.parquet.format.BloomFilterCompression;
import org.apache.parquet.format.BloomFilterHash;
import org.apache.parquet.format.BloomFilterHeader;
import org.apache.parquet.format.SplitBlockAlgorithm;
import org.apache.parquet.format.Uncompressed;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.XxHash;

/**
 * The bloom filter of one column in the current row group: a split-block filter over XXH64 hashes of the plain
 * encoded values.
 *
 * <p>With a distinct-value hint the filter has its optimal size from the start. Without one it starts at the
 * largest size and counts the hashes that set a new bit (an estimate of the distinct values); when written it is
 * folded down to the smallest power-of-two size that meets the false-positive target. Folding ORs neighbouring
 * blocks: with 2^k blocks a hash picks block {@code high32 >>> (32 - k)}, so halving the block count maps block
 * {@code b} to {@code b >>> 1}, while the bits set inside a block depend only on the low 32 bits. The folded filter
 * is therefore exactly the one a smaller filter would have built.
 */
final class ChunkBloomFilter {
  private static final int BLOCK_BYTES = 32;

  private final double fpp;
  private final OptionalLong ndv;
  private final int maxBytes;
  private BlockSplitBloomFilter filter;
  private long distinct;

  ChunkBloomFilter(double fpp, OptionalLong ndv, int maxBytes) {
    this.fpp = fpp;
    this.ndv = ndv;
    this.maxBytes = maxBytes;
    reset();
  }

  /** Starts an empty filter for the next row group. */
  void reset() {
    int bytes = ndv.isPresent() ? BlockSplitBloomFilter.optimalNumOfBits(ndv.getAsLong(), fpp) / 8 : maxBytes;
    filter = new BlockSplitBloomFilter(Math.min(bytes, maxBytes), maxBytes);
    distinct = 0;
  }

  /** Bytes held. */
  long retainedBytes() {
    return filter.getBitsetSize();
  }

  void insertInt(int v) {
    insert(filter.hash(v));
  }

  void insertLong(long v) {
    insert(filter.hash(v));
  }

  void insertFloat(float v) {
    insert(filter.hash(v));
  }

  void insertDouble(double v) {
    insert(filter.hash(v));
  }

  void insertBytes(byte[] b, int off, int len) {
    insert(XxHash64.hash(b, off, len));
  }

  private void insert(long hash) {
    if (ndv.isEmpty() && !filter.findHash(hash)) {
      distinct++;
    }
    filter.insertHash(hash);
  }

  /** Writes the bloom filter header and bitset to {@code out}. */
  void writeTo(ScratchBuffer out) throws IOException {
    int start = out.size();
    filter.writeTo(out);
    int length = out.size() - start;
    if (ndv.isEmpty()) {
      int target = Math.max(BLOCK_BYTES, BlockSplitBloomFilter.optimalNumOfBits(Math.max(1, distinct), fpp) / 8);
      byte[] b = out.array();
      while (length / 2 >= target && length / 2 >= BLOCK_BYTES && Integer.bitCount(length) == 1) {
        int half = length / 2;
        for (int block = 0; block < half / BLOCK_BYTES; block++) {
          int to = start + block * BLOCK_BYTES;
          int from = start + 2 * block * BLOCK_BYTES;
          for (int i = 0; i < BLOCK_BYTES; i++) {
            b[to + i] = (byte) (b[from + i] | b[from + BLOCK_BYTES + i]);
          }
        }
        length = half;
      }
      out.setSize(start + length);
    }
    byte[] bitset = java.util.Arrays.copyOfRange(out.array(), start, start + length);
    out.setSize(start);
    BloomFilterHeader header = new BloomFilterHeader(length, BloomFilterAlgorithm.BLOCK(new SplitBlockAlgorithm()),
        BloomFilterHash.XXHASH(new XxHash()), BloomFilterCompression.UNCOMPRESSED(new Uncompressed()));
    Util.writeBloomFilterHeader(header, out);
    out.write(bitset, 0, bitset.length);
  }
}
