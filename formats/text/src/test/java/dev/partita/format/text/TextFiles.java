package dev.partita.format.text;

import dev.partita.format.FileFormat;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Writes test files through the public API and reads their bytes back. */
final class TextFiles {
  private TextFiles() {}

  static FileMetrics write(FileFormat format, Schema schema, List<Object[]> rows, Path file) throws IOException {
    FormatWriter w = format.open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow row = new ObjectArrayRow(schema);
    for (Object[] v : rows) {
      w.write(row.wrap(v));
    }
    return w.finish();
  }

  /** The file's bytes, decompressed by the JDK's gzip reader or zstd-jni's stream reader when compressed. */
  static byte[] decompressed(Path file) throws IOException {
    String name = file.getFileName().toString();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw)
            : name.endsWith(".zst") ? new com.github.luben.zstd.ZstdInputStream(raw) : raw) {
      return in.readAllBytes();
    }
  }

  /** The datasets directory: the {@code partita.datasets} property, else {@code ../shared/datasets}. */
  static Path datasets() {
    String p = System.getProperty("partita.datasets");
    Path dir = p != null ? Path.of(p) : Path.of("../shared/datasets");
    if (!Files.isDirectory(dir)) {
      // Run from a module directory without the property: walk up to the repository root's sibling.
      for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
        if (Files.isDirectory(d.resolve("../shared/datasets"))) {
          return d.resolve("../shared/datasets").normalize();
        }
      }
    }
    return dir;
  }
}
