package dev.partita.format.text.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Compression told by file names; concatenated gzip members and zstd frames read as one stream. */
class CompressionTest {

  @Test
  void namesTellTheCompression() {
    assertThat(Compression.fromFileName("a.csv")).isEqualTo(Compression.NONE);
    assertThat(Compression.fromFileName("a.CSV.GZ")).isEqualTo(Compression.GZIP);
    assertThat(Compression.fromFileName("a.json.gzip")).isEqualTo(Compression.GZIP);
    assertThat(Compression.fromFileName("a.jsonl.zst")).isEqualTo(Compression.ZSTD);
    assertThat(Compression.fromFileName("a.zstd")).isEqualTo(Compression.ZSTD);
    assertThat(Compression.stripSuffix("dir.gz/a.csv.Gz")).isEqualTo("dir.gz/a.csv");
    assertThat(Compression.stripSuffix("a.csv")).isEqualTo("a.csv");
  }

  @Test
  void concatenatedGzipMembersAndZstdFramesReadAsOneStream() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    gz.writeBytes(gzip("a,b\n1,2\n"));
    gz.writeBytes(gzip("3,4\n"));
    assertThat(records(Compression.GZIP.decompress(new ByteArrayInputStream(gz.toByteArray()))))
        .isEqualTo("1|2;3|4;");
    ByteArrayOutputStream zst = new ByteArrayOutputStream();
    zst.writeBytes(Zstd.compress("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    zst.writeBytes(Zstd.compress("3,4\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(records(Compression.ZSTD.decompress(new ByteArrayInputStream(zst.toByteArray()))))
        .isEqualTo("1|2;3|4;");
  }

  @Test
  void notGzipAtAllFailsAtOpen() {
    assertThatThrownBy(() -> Compression.GZIP.decompress(new ByteArrayInputStream("a,b\n".getBytes(
        StandardCharsets.UTF_8)))).isInstanceOf(IOException.class);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String records(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    try (CsvReader r = new CsvReader("f.csv", in, CsvOptions.DEFAULT)) {
      r.readHeader();
      while (r.next()) {
        b.append(r.record().text(0)).append('|').append(r.record().text(1)).append(';');
      }
    }
    return b.toString();
  }
}
