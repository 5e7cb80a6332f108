package dev.partita.testing;

import dev.partita.partition.PartitionPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a table of {@link LinesFormat} files back as rows of column name to text, partition values included. */
public final class LinesTables {
  private LinesTables() {}

  /** Every visible row; partition columns come from the {@code k=v} directories (unescaped). */
  public static List<Map<String, String>> read(Path root) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path f : visibleFiles(root)) {
      Map<String, String> partition = new LinkedHashMap<>();
      Path rel = root.relativize(f.getParent() == null ? root : f.getParent());
      for (Path seg : rel) {
        String s = seg.toString();
        if (s.isEmpty()) {
          continue;
        }
        int eq = s.indexOf('=');
        partition.put(PartitionPaths.unescape(s.substring(0, eq)), PartitionPaths.unescape(s.substring(eq + 1)));
      }
      List<String[]> lines = LinesFormat.read(f);
      String[] header = lines.get(0);
      for (String[] line : lines.subList(1, lines.size())) {
        Map<String, String> row = new LinkedHashMap<>(partition);
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], line[i]);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Data files a reader would see: no path segment under the root starts with {@code _} or {@code .}. */
  public static List<Path> visibleFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> {
            for (Path seg : root.relativize(p)) {
              if (seg.toString().startsWith("_") || seg.toString().startsWith(".")) {
                return false;
              }
            }
            return true;
          })
          .sorted().toList();
    }
  }

  /** Every file under the root, hidden ones included. */
  public static List<Path> allFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
