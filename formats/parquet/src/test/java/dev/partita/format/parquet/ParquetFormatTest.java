package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormats;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Options of {@link ParquetFormat}: defaults, validation, file suffixes, and the string options of the provider. */
class ParquetFormatTest {

  @Test
  void defaults() {
    ParquetFormat f = ParquetFormat.defaults();
    assertThat(f.name()).isEqualTo("parquet");
    assertThat(f.codec().name()).isEqualTo("snappy");
    assertThat(f.fileSuffix()).isEqualTo(".snappy.parquet");
    assertThat(f.rowGroupSize()).isEqualTo(DataSize.ofMegabytes(128));
    assertThat(f.pageSize()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(f.pageRowCountLimit()).isEqualTo(20_000);
    assertThat(f.dictionary()).isTrue();
    assertThat(f.dictionaryPageSize()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(f.pageVersion()).isEqualTo(PageVersion.V1);
    assertThat(f.bloomFilterColumns()).isEmpty();
    assertThat(f.bloomFilterFpp()).isEqualTo(0.01);
    assertThat(f.bloomFilterNdv()).isEmpty();
    assertThat(f.writeStatistics()).isTrue();
    assertThat(f.pageIndex()).isTrue();
    assertThat(f.keyValueMetadata()).isEmpty();
  }

  @Test
  void fileSuffixNamesTheCodec() {
    assertThat(suffix("none")).isEqualTo(".parquet");
    assertThat(suffix("snappy")).isEqualTo(".snappy.parquet");
    assertThat(suffix("gzip")).isEqualTo(".gz.parquet");
    assertThat(suffix("zstd")).isEqualTo(".zstd.parquet");
    assertThat(suffix("lz4_raw")).isEqualTo(".lz4raw.parquet");
  }

  private static String suffix(String codec) {
    return ParquetFormat.builder().codec(CompressionCodecs.byName(codec)).build().fileSuffix();
  }

  @Test
  void validationNamesTheOptionAndItsRange() {
    assertThatThrownBy(() -> ParquetFormat.builder().rowGroupSize(DataSize.ofBytes(512)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("row-group-size must be at least 1KB, got 512B");
    assertThatThrownBy(() -> ParquetFormat.builder().pageSize(DataSize.ofBytes(100)).build())
        .hasMessage("page-size must be in 1KB..1GB, got 100B");
    assertThatThrownBy(() -> ParquetFormat.builder().dictionaryPageSize(DataSize.ofGigabytes(2)).build())
        .hasMessage("dictionary-page-size must be in 1KB..1GB, got 2GB");
    assertThatThrownBy(() -> ParquetFormat.builder().pageRowCountLimit(0).build())
        .hasMessage("page-row-limit must be in 1..2147483647, got 0");
    for (double fpp : new double[] {0.0, 1.0, -0.1, Double.NaN}) {
      assertThatThrownBy(() -> ParquetFormat.builder().bloomFilterFpp(fpp).build())
          .hasMessageStartingWith("bloom-filter-fpp must be in (0, 1) exclusive");
    }
    assertThatThrownBy(() -> ParquetFormat.builder().bloomFilterNdv(0))
        .hasMessage("bloom-filter-ndv must be at least 1, got 0");
    assertThatThrownBy(() -> ParquetFormat.builder().codec(new FakeCodec()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("codec 'brotli' cannot be used for Parquet; use one of none, snappy, gzip, zstd, lz4_raw");
    assertThatThrownBy(() -> ParquetFormat.builder().codec(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("codec");
  }

  @Test
  void builtFormatIsImmutable() {
    java.util.Map<String, String> kv = new java.util.HashMap<>(Map.of("k", "v"));
    java.util.Set<String> blooms = new java.util.HashSet<>(Set.of("a"));
    ParquetFormat.Builder b = ParquetFormat.builder().codec(CompressionCodecs.none()).keyValueMetadata(kv)
        .bloomFilterColumns(blooms);
    ParquetFormat f = b.build();
    kv.put("k2", "v2");
    blooms.add("b");
    b.keyValueMetadata(Map.of("k3", "v3"));
    assertThat(f.keyValueMetadata()).containsExactly(Map.entry("k", "v"));
    assertThat(f.bloomFilterColumns()).containsExactly("a");
    assertThatThrownBy(() -> f.keyValueMetadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void providerAppliesStringOptions() {
    assertThat(FileFormats.names()).contains("parquet");
    FileFormat format = FileFormats.byName("parquet", Map.ofEntries(
        Map.entry("codec", "ZSTD"), Map.entry("level", "7"), Map.entry("row-group-size", "64MB"),
        Map.entry("page-size", "256KB"), Map.entry("page-row-limit", "5000"), Map.entry("dictionary", "false"),
        Map.entry("dictionary-page-size", "2MB"), Map.entry("page-version", "v2"),
        Map.entry("bloom-filter-columns", " id, name ,"), Map.entry("bloom-filter-fpp", "0.05"),
        Map.entry("bloom-filter-ndv", "1000"), Map.entry("statistics", "true"), Map.entry("page-index", "FALSE")));
    assertThat(format).isInstanceOf(ParquetFormat.class);
    ParquetFormat f = (ParquetFormat) format;
    assertThat(f.codec().name()).isEqualTo("zstd");
    assertThat(f.codec().level()).hasValue(7);
    assertThat(f.rowGroupSize()).isEqualTo(DataSize.ofMegabytes(64));
    assertThat(f.pageSize()).isEqualTo(DataSize.ofKilobytes(256));
    assertThat(f.pageRowCountLimit()).isEqualTo(5000);
    assertThat(f.dictionary()).isFalse();
    assertThat(f.dictionaryPageSize()).isEqualTo(DataSize.ofMegabytes(2));
    assertThat(f.pageVersion()).isEqualTo(PageVersion.V2);
    assertThat(f.bloomFilterColumns()).containsExactlyInAnyOrder("id", "name");
    assertThat(f.bloomFilterFpp()).isEqualTo(0.05);
    assertThat(f.bloomFilterNdv()).hasValue(1000);
    assertThat(f.writeStatistics()).isTrue();
    assertThat(f.pageIndex()).isFalse();
    assertThat(FileFormats.byName("parquet", Map.of("codec", "none")).fileSuffix()).isEqualTo(".parquet");
  }

  @Test
  void providerRejectsUnknownKeysAndBadValues() {
    assertThatThrownBy(() -> FileFormats.byName("parquet", Map.of("compression", "zstd")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown parquet option 'compression'; known options: codec, level, row-group-size,")
        .hasMessageContaining("bloom-filter-columns");
    assertThatThrownBy(() -> FileFormats.byName("parquet", Map.of("codec", "brotli")))
        .hasMessageContaining("none, snappy, gzip, zstd, lz4_raw");
    assertThatThrownBy(() -> FileFormats.byName("parquet", Map.of("dictionary", "yes")))
        .hasMessage("dictionary must be true or false, got 'yes'");
    assertThatThrownBy(() -> FileFormats.byName("parquet", Map.of("page-version", "3")))
        .hasMessage("page-version must be v1 or v2, got '3'");
    assertThatThrownBy(() -> FileFormats.byName("parquet", Map.of("page-row-limit", "many")))
        .hasMessage("page-row-limit must be a whole number, got 'many'");
    assertThatThrownBy(() -> FileFormats.byName("parquet", Map.of("row-group-size", "big")))
        .hasMessageStartingWith("row-group-size: bad size 'big'");
    assertThatThrownBy(() -> FileFormats.byName("parquet", Map.of("bloom-filter-fpp", "often")))
        .hasMessageStartingWith("bloom-filter-fpp must be a number");
    assertThatThrownBy(() -> FileFormats.byName("parquet", Map.of("codec", "gzip", "level", "12")))
        .hasMessageContaining("gzip level must be in 1..9");
  }

  /** A codec Parquet has no code for. */
  private static final class FakeCodec implements CompressionCodec {
    @Override
    public String name() {
      return "brotli";
    }

    @Override
    public OptionalInt level() {
      return OptionalInt.empty();
    }

    @Override
    public int maxCompressedLength(int length) {
      return length;
    }

    @Override
    public int compress(ByteBuffer input, ByteBuffer output) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int decompress(ByteBuffer input, ByteBuffer output) {
      throw new UnsupportedOperationException();
    }
  }
}
