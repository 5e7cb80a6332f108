package dev.partita.codecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every codec (the core's {@code none} and {@code gzip} and this module's three) round-trips every kind of input
 * through every pairing of heap, direct, offset and read-only buffers, writes only inside the output window it
 * was given, and produces the same bytes whatever the buffer kind.
 */
class CodecRoundTripTest {
  static final String[] CODECS = {"none", "gzip", "snappy", "zstd", "lz4_raw"};
  private static final byte SENTINEL = 0x5A;

  /** How a test buffer is allocated. */
  enum Kind {
    HEAP, DIRECT, HEAP_OFFSET, DIRECT_OFFSET, READ_ONLY_HEAP, READ_ONLY_DIRECT
  }

  static List<Input> inputs() {
    List<Input> out = new ArrayList<>();
    out.add(new Input("empty", new byte[0]));
    out.add(new Input("one byte", new byte[] {42}));
    out.add(new Input("text 100KB", TestData.text(100_000, 1)));
    out.add(new Input("random 1MB", TestData.random(1 << 20, 2)));
    out.add(new Input("text 6MB", TestData.text(6 << 20, 3)));
    return out;
  }

  static Stream<Arguments> codecsAndInputs() {
    List<Arguments> args = new ArrayList<>();
    for (String c : CODECS) {
      for (Input in : inputs()) {
        args.add(Arguments.of(c, in));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("codecsAndInputs")
  void roundTripsInEveryBufferPairing(String name, Input input) {
    CompressionCodec codec = CompressionCodecs.byName(name);
    assertThat(codec.name()).isEqualTo(name);
    byte[] reference = null;
    Kind[][] pairs = {
        {Kind.HEAP, Kind.HEAP}, {Kind.DIRECT, Kind.DIRECT}, {Kind.HEAP, Kind.DIRECT}, {Kind.DIRECT, Kind.HEAP},
        {Kind.HEAP_OFFSET, Kind.HEAP_OFFSET}, {Kind.DIRECT_OFFSET, Kind.DIRECT_OFFSET},
        {Kind.READ_ONLY_HEAP, Kind.HEAP}, {Kind.READ_ONLY_DIRECT, Kind.DIRECT},
        {Kind.READ_ONLY_HEAP, Kind.DIRECT_OFFSET}};
    for (Kind[] pair : pairs) {
      byte[] compressed = compress(codec, input.bytes, pair[0], pair[1]);
      if (reference == null) {
        reference = compressed;
      } else {
        // The codecs are deterministic: the buffer kind must not change the bytes.
        assertThat(compressed).as("%s compressed via %s -> %s", name, pair[0], pair[1]).isEqualTo(reference);
      }
      byte[] restored = decompress(codec, compressed, input.bytes.length, pair[0], pair[1]);
      assertThat(restored).as("%s round trip via %s -> %s", name, pair[0], pair[1]).isEqualTo(input.bytes);
    }
    if (!name.equals("none") && input.name.startsWith("text") && input.bytes.length > 10_000) {
      assertThat(reference.length).as("%s compresses text", name).isLessThan(input.bytes.length / 2);
    }
  }

  static Stream<Arguments> levels() {
    return Stream.of(Arguments.of("gzip", 1), Arguments.of("gzip", 9), Arguments.of("zstd", 1),
        Arguments.of("zstd", 3), Arguments.of("zstd", 12), Arguments.of("zstd", 19));
  }

  @ParameterizedTest(name = "{0} level {1}")
  @MethodSource("levels")
  void roundTripsAtLevels(String name, int level) {
    CompressionCodec codec = CompressionCodecs.byName(name, OptionalInt.of(level));
    assertThat(codec.level()).hasValue(level);
    for (byte[] data : new byte[][] {TestData.text(300_000, 7), TestData.random(100_000, 8), new byte[0]}) {
      byte[] compressed = compress(codec, data, Kind.HEAP, Kind.DIRECT);
      assertThat(decompress(codec, compressed, data.length, Kind.DIRECT, Kind.HEAP)).isEqualTo(data);
    }
  }

  @ParameterizedTest
  @MethodSource("levelPairs")
  void higherLevelsCompressTextSmaller(String name, int low, int high) {
    byte[] data = TestData.text(1 << 20, 11);
    int lowSize = compress(CompressionCodecs.byName(name, OptionalInt.of(low)), data, Kind.HEAP, Kind.HEAP).length;
    int highSize = compress(CompressionCodecs.byName(name, OptionalInt.of(high)), data, Kind.HEAP, Kind.HEAP)
        .length;
    assertThat(highSize).isLessThan(lowSize);
  }

  static Stream<Arguments> levelPairs() {
    return Stream.of(Arguments.of("gzip", 1, 9), Arguments.of("zstd", 1, 19));
  }

  /** Compresses through buffers of the given kinds, checking positions and the untouched margins. */
  static byte[] compress(CompressionCodec codec, byte[] data, Kind inKind, Kind outKind) {
    ByteBuffer in = buffer(inKind, data, data.length);
    int inPos = in.position();
    int bound = codec.maxCompressedLength(data.length);
    ByteBuffer out = buffer(outKind, null, bound);
    int outPos = out.position();
    int n = codec.compress(in, out);
    assertThat(n).isBetween(0, bound);
    assertThat(in.position()).isEqualTo(inPos + data.length);
    assertThat(out.position()).isEqualTo(outPos + n);
    assertMargins(out, outPos, n);
    byte[] result = new byte[n];
    out.get(outPos, result);
    return result;
  }

  /** Decompresses through buffers of the given kinds into a window of exactly {@code length} bytes. */
  static byte[] decompress(CompressionCodec codec, byte[] compressed, int length, Kind inKind, Kind outKind) {
    ByteBuffer in = buffer(inKind, compressed, compressed.length);
    int inPos = in.position();
    ByteBuffer out = buffer(outKind, null, length);
    int outPos = out.position();
    int n = codec.decompress(in, out);
    assertThat(n).isEqualTo(length);
    assertThat(in.position()).isEqualTo(inPos + compressed.length);
    assertThat(out.position()).isEqualTo(outPos + n);
    assertMargins(out, outPos, n);
    byte[] result = new byte[n];
    out.get(outPos, result);
    return result;
  }

  /**
   * A buffer whose window [position, limit) holds {@code content} (or {@code size} sentinel bytes), with
   * sentinel margins around the window for the offset kinds.
   */
  static ByteBuffer buffer(Kind kind, byte[] content, int size) {
    int margin = switch (kind) {
      case HEAP_OFFSET, DIRECT_OFFSET, READ_ONLY_HEAP, READ_ONLY_DIRECT -> 13;
      default -> 0;
    };
    boolean direct = kind == Kind.DIRECT || kind == Kind.DIRECT_OFFSET || kind == Kind.READ_ONLY_DIRECT;
    ByteBuffer whole = direct ? ByteBuffer.allocateDirect(size + 2 * margin) : ByteBuffer.allocate(size + 2 * margin);
    for (int i = 0; i < whole.capacity(); i++) {
      whole.put(i, SENTINEL);
    }
    if (content != null) {
      whole.put(margin, content);
    }
    ByteBuffer b;
    if (kind == Kind.HEAP_OFFSET || kind == Kind.DIRECT_OFFSET) {
      // A slice has a non-zero array offset / address offset, and its window does not start at 0 either.
      ByteBuffer slice = whole.slice(3, size + 2 * margin - 3);
      b = slice.limit(margin - 3 + size).position(margin - 3);
    } else {
      b = whole.limit(margin + size).position(margin);
    }
    if (kind == Kind.READ_ONLY_HEAP || kind == Kind.READ_ONLY_DIRECT) {
      b = b.asReadOnlyBuffer();
    }
    return b;
  }

  /** Checks that nothing was written before the window or after its limit. */
  static void assertMargins(ByteBuffer out, int windowStart, int written) {
    ByteBuffer all = out.duplicate().clear();
    for (int i = 0; i < windowStart; i++) {
      assertThat(all.get(i)).as("byte %d before the output window", i).isEqualTo(SENTINEL);
    }
    for (int i = out.limit(); i < all.capacity(); i++) {
      assertThat(all.get(i)).as("byte %d after the output limit", i).isEqualTo(SENTINEL);
    }
  }

  /** A named input, printed by its name. */
  record Input(String name, byte[] bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Deterministic test inputs. */
  static final class TestData {
    private TestData() {}

    /** CSV-like lines: compressible but not trivially so. */
    static byte[] text(int size, long seed) {
      Random r = new Random(seed);
      String[] words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"};
      StringBuilder sb = new StringBuilder(size + 100);
      while (sb.length() < size) {
        sb.append(r.nextInt(100_000)).append(',').append(words[r.nextInt(words.length)]).append(',')
            .append(r.nextInt(1000) / 100.0).append(",2024-0").append(1 + r.nextInt(9)).append("-1")
            .append(r.nextInt(10)).append('\n');
      }
      sb.setLength(size);
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Uniformly random bytes: incompressible. */
    static byte[] random(int size, long seed) {
      byte[] b = new byte[size];
      new Random(seed).nextBytes(b);
      return b;
    }
  }
}
