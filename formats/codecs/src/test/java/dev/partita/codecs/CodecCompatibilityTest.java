package dev.partita.codecs;

import static dev.partita.codecs.CodecRoundTripTest.compress;
import static dev.partita.codecs.CodecRoundTripTest.decompress;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecs;
import dev.partita.codecs.CodecRoundTripTest.Kind;
import dev.partita.codecs.CodecRoundTripTest.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/**
 * Format compatibility: what Partita's codecs write, each reference library reads with its own one-shot API
 * (and for lz4 with its pure-Java decoder, independent of the JNI encoder); what the reference libraries write,
 * Partita's codecs read.
 */
class CodecCompatibilityTest {

  private static List<byte[]> samples() {
    List<byte[]> out = new ArrayList<>();
    out.add(new byte[0]);
    out.add(new byte[] {1});
    out.add(TestData.text(200_000, 21));
    out.add(TestData.random(300_000, 22));
    out.add(TestData.text(5 << 20, 23));
    return out;
  }

  @Test
  void snappyIsRawSnappy() throws IOException {
    CompressionCodec codec = CompressionCodecs.byName("snappy");
    for (byte[] data : samples()) {
      for (Kind kind : new Kind[] {Kind.HEAP, Kind.DIRECT}) {
        byte[] c = compress(codec, data, kind, kind);
        assertThat(Snappy.isValidCompressedBuffer(c)).isTrue();
        assertThat(Snappy.uncompressedLength(c)).isEqualTo(data.length);
        assertThat(Snappy.uncompress(c)).isEqualTo(data);
      }
      byte[] theirs = Snappy.compress(data);
      assertThat(decompress(codec, theirs, data.length, Kind.HEAP, Kind.HEAP)).isEqualTo(data);
      assertThat(decompress(codec, theirs, data.length, Kind.DIRECT, Kind.DIRECT)).isEqualTo(data);
    }
  }

  @Test
  void zstdIsStandardZstdFrames() {
    for (int level : new int[] {1, 3, 9}) {
      CompressionCodec codec = CompressionCodecs.byName("zstd", OptionalInt.of(level));
      for (byte[] data : samples()) {
        for (Kind kind : new Kind[] {Kind.HEAP, Kind.DIRECT}) {
          byte[] c = compress(codec, data, kind, kind);
          assertThat(Zstd.getFrameContentSize(c)).isEqualTo(data.length);
          assertThat(Zstd.decompress(c, data.length)).isEqualTo(data);
        }
        byte[] theirs = Zstd.compress(data, 5);
        assertThat(decompress(codec, theirs, data.length, Kind.HEAP, Kind.HEAP)).isEqualTo(data);
        assertThat(decompress(codec, theirs, data.length, Kind.DIRECT, Kind.DIRECT)).isEqualTo(data);
      }
    }
  }

  @Test
  void zstdFramesConcatenateIntoOneStream() {
    CompressionCodec codec = CompressionCodecs.byName("zstd");
    byte[] a = TestData.text(70_000, 31);
    byte[] b = TestData.random(5_000, 32);
    byte[] ca = compress(codec, a, Kind.HEAP, Kind.HEAP);
    byte[] cb = compress(codec, b, Kind.HEAP, Kind.HEAP);
    byte[] both = concat(ca, cb);
    byte[] expected = concat(a, b);
    // zstd-jni's streaming reader, like the zstd tool, reads frame after frame.
    try (var in = new com.github.luben.zstd.ZstdInputStream(new ByteArrayInputStream(both))) {
      assertThat(in.readAllBytes()).isEqualTo(expected);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(decompress(codec, both, expected.length, Kind.HEAP, Kind.HEAP)).isEqualTo(expected);
  }

  @Test
  void lz4RawIsRawLz4Blocks() {
    CompressionCodec codec = CompressionCodecs.byName("lz4_raw");
    LZ4Factory javaOnly = LZ4Factory.safeInstance();
    for (byte[] data : samples()) {
      for (Kind kind : new Kind[] {Kind.HEAP, Kind.DIRECT}) {
        byte[] c = compress(codec, data, kind, kind);
        assertThat(javaOnly.safeDecompressor().decompress(c, 0, c.length, data.length)).isEqualTo(data);
        assertThat(javaOnly.fastDecompressor().decompress(c, data.length)).isEqualTo(data);
      }
      byte[] theirs = javaOnly.highCompressor().compress(data);
      assertThat(decompress(codec, theirs, data.length, Kind.HEAP, Kind.HEAP)).isEqualTo(data);
      assertThat(decompress(codec, theirs, data.length, Kind.DIRECT, Kind.DIRECT)).isEqualTo(data);
    }
  }

  @Test
  void gzipIsReadByTheJdkAndReadsTheJdk() throws IOException {
    CompressionCodec codec = CompressionCodecs.byName("gzip");
    List<byte[]> members = new ArrayList<>();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] data : samples()) {
      byte[] c = compress(codec, data, Kind.DIRECT, Kind.HEAP);
      members.add(c);
      all.write(data);
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(c))) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
      ByteArrayOutputStream theirs = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(theirs)) {
        out.write(data);
      }
      assertThat(decompress(codec, theirs.toByteArray(), data.length, Kind.HEAP, Kind.DIRECT)).isEqualTo(data);
    }
    // Members concatenate into one multi-member stream.
    byte[] joined = members.stream().reduce(new byte[0], CodecCompatibilityTest::concat);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(joined))) {
      assertThat(in.readAllBytes()).isEqualTo(all.toByteArray());
    }
  }

  @Test
  void noneStoresBytesAsTheyAre() {
    byte[] data = TestData.random(1000, 41);
    assertThat(compress(CompressionCodecs.byName("none"), data, Kind.DIRECT, Kind.HEAP)).isEqualTo(data);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
