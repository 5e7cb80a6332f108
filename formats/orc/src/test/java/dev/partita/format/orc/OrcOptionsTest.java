package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.DataSize;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormats;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.orc.CompressionKind;
import org.apache.orc.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builder defaults and validation, codec names, file suffixes, and the string options of the provider. */
class OrcOptionsTest {
  @TempDir
  Path dir;

  @Test
  void defaults() {
    OrcFormat f = OrcFormat.defaults();
    assertThat(f.name()).isEqualTo("orc");
    assertThat(f.codec()).isEqualTo(OrcFormat.DEFAULT_CODEC).isEqualTo("zstd");
    assertThat(f.level()).isEmpty();
    assertThat(f.stripeSize()).isEqualTo(DataSize.ofMegabytes(64));
    assertThat(f.rowIndexStride()).isEqualTo(10_000);
    assertThat(f.compressionBlockSize()).isEqualTo(DataSize.ofKilobytes(256));
    assertThat(f.bloomFilterColumns()).isEmpty();
    assertThat(f.bloomFilterFpp()).isEqualTo(0.01);
    assertThat(f.dictionaryKeySizeThreshold()).isEqualTo(0.8);
    assertThat(f.userMetadata()).isEmpty();
    assertThat(f.batchSize()).isEqualTo(1024);
    assertThat(OrcFormat.supportedCodecs()).containsExactly("none", "zlib", "snappy", "zstd", "lz4");
  }

  @Test
  void suffixesNameTheCodec() {
    assertThat(OrcFormat.builder().codec("none").build().fileSuffix()).isEqualTo(".orc");
    assertThat(OrcFormat.builder().codec("ZSTD").build().fileSuffix()).isEqualTo(".zstd.orc");
    assertThat(OrcFormat.builder().codec(" Snappy ").build().codec()).isEqualTo("snappy");
    assertThat(OrcFormat.builder().codec("lz4").build().fileSuffix()).isEqualTo(".lz4.orc");
    assertThat(OrcFormat.builder().codec("zlib").build().fileSuffix()).isEqualTo(".zlib.orc");
  }

  private static void rejects(Consumer<OrcFormat.Builder> settings, String... messageParts) {
    OrcFormat.Builder b = OrcFormat.builder();
    settings.accept(b);
    var assertion = assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);
    for (String part : messageParts) {
      assertion.hasMessageContaining(part);
    }
  }

  @Test
  void codecErrorsListTheSupportedNames() {
    rejects(b -> b.codec("gzip"), "codec 'gzip' is not an ORC codec", "none, zlib, snappy, zstd, lz4", "use zlib");
    rejects(b -> b.codec("lz4_raw"), "ORC's LZ4 codec is called lz4");
    rejects(b -> b.codec("brotli"), "supported: none, zlib, snappy, zstd, lz4");
    rejects(b -> b.codec("snappy", 3), "level", "snappy codec has no level", "only zstd");
    rejects(b -> b.codec("zstd", 0), "level must be in 1..22", "got 0");
    rejects(b -> b.codec("zstd", 23), "level must be in 1..22", "got 23");
    assertThat(OrcFormat.builder().codec("zstd", 22).build().level()).hasValue(22);
  }

  @Test
  void rangesAreCheckedAndNamed() {
    rejects(b -> b.stripeSize(DataSize.ofKilobytes(63)), "stripeSize must be at least 64KB");
    rejects(b -> b.rowIndexStride(999), "rowIndexStride must be 0 (no row index) or at least 1000", "999");
    rejects(b -> b.rowIndexStride(-1), "rowIndexStride");
    rejects(b -> b.compressionBlockSize(DataSize.ofBytes(1023)), "compressionBlockSize must be in 1KB..8388607");
    rejects(b -> b.compressionBlockSize(DataSize.ofMegabytes(8)), "compressionBlockSize must be in");
    rejects(b -> b.bloomFilterFpp(0), "bloomFilterFpp must be strictly between 0 and 1");
    rejects(b -> b.bloomFilterFpp(1), "bloomFilterFpp");
    rejects(b -> b.bloomFilterFpp(Double.NaN), "bloomFilterFpp");
    rejects(b -> b.dictionaryKeySizeThreshold(1.5), "dictionaryKeySizeThreshold must be in 0..1");
    rejects(b -> b.dictionaryKeySizeThreshold(-0.1), "dictionaryKeySizeThreshold");
    rejects(b -> b.batchSize(0), "batchSize must be in 1..65536");
    rejects(b -> b.batchSize(65_537), "batchSize");
    rejects(b -> b.userMetadata(OrcFormat.TIME_COLUMNS_KEY, "x"), "reserved");
    rejects(b -> b.bloomFilterColumns("a,b"), "bloomFilterColumns", "without ',' or '.'");
    rejects(b -> b.bloomFilterColumns("a.b"), "bloomFilterColumns");
    rejects(b -> b.bloomFilterColumns(" a"), "leading or trailing spaces");
    rejects(b -> b.bloomFilterColumns("a").rowIndexStride(0), "need the row index");
    assertThat(OrcFormat.builder().rowIndexStride(0).build().rowIndexStride()).isZero();
  }

  @Test
  void builtFormatsAreImmutable() {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("k", "v");
    OrcFormat.Builder b = OrcFormat.builder().userMetadata(meta).bloomFilterColumns("a");
    OrcFormat f = b.build();
    b.userMetadata("k2", "v2").bloomFilterColumns("b");
    meta.put("k3", "v3");
    assertThat(f.userMetadata()).containsExactly(Map.entry("k", "v"));
    assertThat(f.bloomFilterColumns()).containsExactly("a");
    assertThatThrownBy(() -> f.userMetadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void providerIsFoundByNameAndReadsStringOptions() throws Exception {
    assertThat(FileFormats.names()).contains("orc");
    Map<String, String> options = new LinkedHashMap<>();
    options.put("codec", "zstd");
    options.put("level", "7");
    options.put("stripe-size", "32MB");
    options.put("row-index-stride", "5000");
    options.put("compression-block-size", "64KB");
    options.put("bloom-filter-columns", "name, id");
    options.put("bloom-filter-fpp", "0.02");
    options.put("dictionary-key-size-threshold", "0.5");
    options.put("batch-size", "2048");
    options.put("metadata.owner", "team ü");
    FileFormat format = FileFormats.byName("ORC", options);
    assertThat(format).isInstanceOf(OrcFormat.class);
    OrcFormat f = (OrcFormat) format;
    assertThat(f.codec()).isEqualTo("zstd");
    assertThat(f.level()).hasValue(7);
    assertThat(f.stripeSize()).isEqualTo(DataSize.ofMegabytes(32));
    assertThat(f.rowIndexStride()).isEqualTo(5000);
    assertThat(f.compressionBlockSize()).isEqualTo(DataSize.ofKilobytes(64));
    assertThat(f.bloomFilterColumns()).containsExactly("name", "id");
    assertThat(f.bloomFilterFpp()).isEqualTo(0.02);
    assertThat(f.dictionaryKeySizeThreshold()).isEqualTo(0.5);
    assertThat(f.batchSize()).isEqualTo(2048);
    assertThat(f.userMetadata()).containsExactly(Map.entry("owner", "team ü"));

    Schema schema = Schema.builder().required("id", DataType.int64()).optional("name", DataType.string()).build();
    Path file = dir.resolve("p" + f.fileSuffix());
    OrcReadBack.write(f, schema, file, List.<Object[]>of(new Object[] {1L, "a"}, new Object[] {2L, null}));
    try (Reader reader = OrcReadBack.open(file)) {
      assertThat(reader.getCompressionKind()).isEqualTo(CompressionKind.ZSTD);
      assertThat(reader.getRowIndexStride()).isEqualTo(5000);
      assertThat(reader.getCompressionSize()).isEqualTo(64 * 1024);
      assertThat(reader.getMetadataKeys()).containsExactly("owner");
      assertThat(OrcReadBack.comparable(OrcReadBack.readAll(reader, schema))).containsExactlyElementsOf(
          OrcReadBack.comparable(List.<Object[]>of(new Object[] {1L, "a"}, new Object[] {2L, null})));
    }
  }

  @Test
  void providerErrorsNameTheOption() {
    OrcFormatProvider p = new OrcFormatProvider();
    assertThat(p.name()).isEqualTo("orc");
    assertThat(p.create(Map.of())).isInstanceOf(OrcFormat.class);
    assertThatThrownBy(() -> p.create(Map.of("stripe_size", "1MB"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown ORC option 'stripe_size'").hasMessageContaining("stripe-size")
        .hasMessageContaining("metadata.<key>");
    assertThatThrownBy(() -> p.create(Map.of("level", "high"))).hasMessageContaining("option level")
        .hasMessageContaining("'high'");
    assertThatThrownBy(() -> p.create(Map.of("stripe-size", "big"))).hasMessageContaining("option stripe-size");
    assertThatThrownBy(() -> p.create(Map.of("bloom-filter-fpp", "x"))).hasMessageContaining("bloom-filter-fpp");
    assertThatThrownBy(() -> p.create(Map.of("codec", "gzip"))).hasMessageContaining("use zlib");
    assertThatThrownBy(() -> p.create(Map.of("codec", "lz4", "level", "3"))).hasMessageContaining("no level");
  }
}
