package dev.partita.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Finds the shared datasets and reads their CSV files (RFC 4180) for tests. */
public final class Datasets {
  private Datasets() {}

  /** The folder of the shared datasets. */
  public static Path dir() {
    String p = System.getProperty("partita.datasets");
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p);
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path d = here; d != null; d = d.getParent()) {
      Path candidate = d.resolve("../shared/datasets").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared datasets not found; set -Dpartita.datasets=/path/to/shared/datasets");
  }

  /** A dataset file by name. */
  public static Path file(String name) {
    return dir().resolve(name);
  }

  /** Every record of a CSV file (gzip when the name ends in .gz), header included. */
  public static List<String[]> readCsv(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      List<String[]> out = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      int c;
      while ((c = r.read()) != -1) {
        any = true;
        if (quoted) {
          if (c == '"') {
            r.mark(1);
            int n = r.read();
            if (n == '"') {
              field.append('"');
            } else {
              quoted = false;
              if (n != -1) {
                r.reset();
              }
            }
          } else {
            field.append((char) c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\n') {
          fields.add(field.toString());
          field.setLength(0);
          out.add(fields.toArray(String[]::new));
          fields.clear();
          any = false;
        } else if (c != '\r') {
          field.append((char) c);
        }
      }
      if (any) {
        fields.add(field.toString());
        out.add(fields.toArray(String[]::new));
      }
      return out;
    }
  }
}
