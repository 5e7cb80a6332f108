package dev.partita.partition;

/**
 * 32-bit Murmur3, x86 variant, seed 0: the hash behind Iceberg's {@code bucket[N]} transform (Iceberg table spec,
 * appendix B). Every method is allocation-free; strings are hashed over their UTF-8 encoding without building it.
 */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /** Hash of the 8 little-endian bytes of {@code value}; ints, dates, times and timestamps all hash this way. */
  static int hashLong(long value) {
    int h = mixH1(0, mixK1((int) value));
    h = mixH1(h, mixK1((int) (value >>> 32)));
    return fmix(h, 8);
  }

  /** Hash of {@code length} bytes of {@code bytes} from {@code offset}. */
  static int hashBytes(byte[] bytes, int offset, int length) {
    int h = 0;
    int end = offset + length;
    int i = offset;
    for (; i + 4 <= end; i += 4) {
      int k = (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16 | bytes[i + 3] << 24;
      h = mixH1(h, mixK1(k));
    }
    int k = 0;
    for (int shift = 0; i < end; i++, shift += 8) {
      k |= (bytes[i] & 0xff) << shift;
    }
    if ((length & 3) != 0) {
      h ^= mixK1(k);
    }
    return fmix(h, length);
  }

  /**
   * Hash of the UTF-8 encoding of {@code s}, as {@code s.getBytes(UTF_8)} would produce it: an unpaired surrogate
   * becomes {@code '?'}.
   */
  static int hashUtf8(CharSequence s) {
    int h = 0;
    int pending = 0; // bytes not yet mixed, little-endian
    int pendingBytes = 0;
    int total = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int encoded; // up to 4 bytes, first byte lowest
      int count;
      if (c < 0x80) {
        encoded = c;
        count = 1;
      } else if (c < 0x800) {
        encoded = (0xc0 | c >> 6) | (0x80 | c & 0x3f) << 8;
        count = 2;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          encoded = (0xf0 | cp >> 18) | (0x80 | cp >> 12 & 0x3f) << 8 | (0x80 | cp >> 6 & 0x3f) << 16
              | (0x80 | cp & 0x3f) << 24;
          count = 4;
        } else {
          encoded = '?';
          count = 1;
        }
      } else {
        encoded = (0xe0 | c >> 12) | (0x80 | c >> 6 & 0x3f) << 8 | (0x80 | c & 0x3f) << 16;
        count = 3;
      }
      total += count;
      for (int b = 0; b < count; b++) {
        pending |= ((encoded >>> (8 * b)) & 0xff) << (8 * pendingBytes);
        if (++pendingBytes == 4) {
          h = mixH1(h, mixK1(pending));
          pending = 0;
          pendingBytes = 0;
        }
      }
    }
    if (pendingBytes != 0) {
      h ^= mixK1(pending);
    }
    return fmix(h, total);
  }

  private static int mixK1(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }

  private static int mixH1(int h, int k) {
    h ^= k;
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  private static int fmix(int h, int length) {
    h ^= length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
