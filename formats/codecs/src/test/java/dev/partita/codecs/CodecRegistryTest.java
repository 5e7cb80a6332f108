package dev.partita.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.PartitaException;
import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecs;
import dev.partita.codecs.CodecRoundTripTest.Kind;
import dev.partita.codecs.CodecRoundTripTest.TestData;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names, levels and errors of the codecs registered through {@link java.util.ServiceLoader}. */
class CodecRegistryTest {

  @Test
  void registersSnappyZstdAndLz4RawButNotLz4() {
    assertThat(CompressionCodecs.names()).containsExactly("gzip", "lz4_raw", "none", "snappy", "zstd");
    assertThat(CompressionCodecs.byName(" ZSTD ").name()).isEqualTo("zstd");
    assertThatThrownBy(() -> CompressionCodecs.byName("lz4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown codec 'lz4'")
        .hasMessageContaining("available: gzip, lz4_raw, none, snappy, zstd");
  }

  @Test
  void unknownNameListsTheAvailableCodecs() {
    assertThatThrownBy(() -> CompressionCodecs.byName("brotli"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown codec 'brotli'")
        .hasMessageContaining("gzip, lz4_raw, none, snappy, zstd");
  }

  @Test
  void zstdLevelsAreChecked() {
    assertThat(CompressionCodecs.byName("zstd").level()).hasValue(ZstdCodecProvider.DEFAULT_LEVEL);
    assertThat(CompressionCodecs.byName("zstd", OptionalInt.of(22)).level()).hasValue(22);
    for (int bad : new int[] {0, -1, 23}) {
      assertThatThrownBy(() -> CompressionCodecs.byName("zstd", OptionalInt.of(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("zstd level must be in 1..22, got " + bad);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "lz4_raw"})
  void levellessCodecsRejectALevel(String name) {
    assertThat(CompressionCodecs.byName(name).level()).isEmpty();
    assertThatThrownBy(() -> CompressionCodecs.byName(name, OptionalInt.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("codec '" + name + "' has no levels");
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "zstd", "lz4_raw"})
  void tooSmallOutputIsRefusedNotOverrun(String name) {
    CompressionCodec codec = CompressionCodecs.byName(name);
    byte[] data = TestData.text(50_000, 5);
    assertThatThrownBy(() -> codec.compress(ByteBuffer.wrap(data), ByteBuffer.allocate(100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxCompressedLength");
    byte[] compressed = CodecRoundTripTest.compress(codec, data, Kind.HEAP, Kind.HEAP);
    for (boolean direct : new boolean[] {false, true}) {
      ByteBuffer in = direct ? ByteBuffer.allocateDirect(compressed.length).put(compressed).flip()
          : ByteBuffer.wrap(compressed);
      ByteBuffer small = CodecRoundTripTest.buffer(direct ? Kind.DIRECT_OFFSET : Kind.HEAP_OFFSET, null,
          data.length - 1);
      assertThatThrownBy(() -> codec.decompress(in, small))
          .isInstanceOfAny(IllegalArgumentException.class, PartitaException.class);
      CodecRoundTripTest.assertMargins(small, small.position(), 0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "zstd", "lz4_raw"})
  void corruptInputFailsWithTheCodecName(String name) {
    CompressionCodec codec = CompressionCodecs.byName(name);
    byte[] data = TestData.text(10_000, 6);
    byte[] compressed = CodecRoundTripTest.compress(codec, data, Kind.HEAP, Kind.HEAP);
    byte[] truncated = java.util.Arrays.copyOf(compressed, compressed.length / 2);
    assertThatThrownBy(() -> codec.decompress(ByteBuffer.wrap(truncated), ByteBuffer.allocate(data.length)))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining(name);
  }
}
