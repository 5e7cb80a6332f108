package dev.partita.catalog.crawler;

import dev.partita.format.ColumnStats;
import dev.partita.format.parquet.footer.ParquetFooter;
import dev.partita.format.parquet.footer.ParquetFooterReader;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Recognizes data files and reads their footers: Parquet always, ORC when partita-orc is on the class path. */
final class Footers {
  /** The footer facts a scan needs. */
  record Summary(String format, Schema schema, long rows, Set<String> codecs, String createdBy,
      List<ColumnStats> columns, List<String> unsupported) {}

  private static final boolean ORC_AVAILABLE = orcAvailable();

  private Footers() {}

  private static boolean orcAvailable() {
    try {
      Class.forName("dev.partita.format.orc.footer.OrcFooterReader", false, Footers.class.getClassLoader());
      Class.forName("org.apache.orc.impl.ReaderImpl", false, Footers.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The format of a data file: by its extension ({@code .parquet}, {@code .parq}, {@code .pqt}, {@code .orc}),
   * else by the magic at its start ({@code PAR1}, {@code ORC}); empty for anything else.
   */
  static Optional<String> format(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet") || name.endsWith(".parq") || name.endsWith(".pqt")) {
      return Optional.of("parquet");
    }
    if (name.endsWith(".orc")) {
      return Optional.of("orc");
    }
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    }
    if (n == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
      return Optional.of("parquet");
    }
    if (n >= 3 && head[0] == 'O' && head[1] == 'R' && head[2] == 'C') {
      return Optional.of("orc");
    }
    return Optional.empty();
  }

  /** Reads the footer of a file of a known format. */
  static Summary read(Path file, String format) throws IOException {
    if (format.equals("parquet")) {
      ParquetFooter f = ParquetFooterReader.read(file);
      return new Summary("parquet", f.schema(), f.rows(), f.codecs(), f.createdBy().orElse(""), f.columns(),
          f.unsupportedColumns());
    }
    if (!ORC_AVAILABLE) {
      throw new IOException(file + " is an ORC file; reading ORC footers needs partita-orc on the class path");
    }
    return OrcFooters.read(file);
  }
}
