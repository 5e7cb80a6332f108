package dev.partita.catalog.crawler;

import dev.partita.format.orc.footer.OrcFooter;
import dev.partita.format.orc.footer.OrcFooterReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** ORC footers; loaded only when partita-orc (an optional dependency) is present. */
final class OrcFooters {
  private OrcFooters() {}

  static Footers.Summary read(Path file) throws IOException {
    OrcFooter f = OrcFooterReader.read(file);
    return new Footers.Summary("orc", f.schema(), f.rows(), Set.of(f.codec()), f.writer(), f.columns(),
        f.unsupportedColumns());
  }
}
