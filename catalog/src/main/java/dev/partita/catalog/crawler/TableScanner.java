package dev.partita.catalog.crawler;

import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.SchemaEvolution;
import dev.partita.commit.DataFile;
import dev.partita.format.ColumnStats;
import dev.partita.partition.PartitionPaths;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Describes a table from its files alone, without a catalog: which data files a directory holds (Parquet and ORC,
 * recognized by extension or magic; names starting with {@code _} or {@code .} skipped, as Hive and Spark do),
 * the partition columns of its {@code name=value} folders and their types, and the schema merged from the files'
 * footers. Reads only footers. Used by the {@link Crawler} and by {@code partita inspect}.
 *
 * <pre>{@code
 * ScannedTable t = TableScanner.scan(Path.of("/data/sales"));
 * System.out.println(t.schema() + " partitioned by " + t.partitionColumns() + ", " + t.rows() + " rows");
 * }</pre>
 */
public final class TableScanner {
  private TableScanner() {}

  /**
   * Scans a table directory, or a single Parquet or ORC file. Files that cannot be read, and folders that are not
   * {@code name=value} partitions, are left out and named in {@link ScannedTable#warnings()}.
   *
   * @throws UncheckedIOException when {@code root} cannot be listed
   * @throws IllegalArgumentException when {@code root} does not exist
   */
  public static ScannedTable scan(Path root) {
    return scan(root, partition -> false);
  }

  /**
   * Scans, leaving out (and not reading the footers of) the files of partitions whose catalog path
   * ({@code PartitionPaths.escape}d names and values) {@code skip} accepts.
   */
  static ScannedTable scan(Path root, Predicate<String> skip) {
    Objects.requireNonNull(root, "root");
    if (!Files.exists(root)) {
      throw new IllegalArgumentException("cannot scan " + root + ": no such file or directory");
    }
    try {
      return new Scan(root.toAbsolutePath().normalize(), skip).run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan table " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a directory looks like a table root: it holds data files directly, or {@code name=value} folders.
   */
  static boolean isTableRoot(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        if (hidden(name)) {
          continue;
        }
        if (Files.isDirectory(p) ? name.indexOf('=') > 0 : Footers.format(p).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean hidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  /** The catalog path of partition values: escaped {@code name=value} segments, null as the default name. */
  static String catalogPath(Map<String, String> values) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(PartitionPaths.escape(e.getKey())).append('=').append(PartitionPaths.escape(e.getValue()));
    }
    return sb.toString();
  }

  /** A scanned file as a catalog registration: statistics of its data columns only. */
  static DataFile dataFile(ScannedFile f) {
    Set<String> names = new HashSet<>();
    f.schema().columns().forEach(c -> names.add(c.name()));
    List<ColumnStats> stats = f.columns().stream().filter(s -> names.contains(s.column())).toList();
    return new DataFile(f.path(), f.partition(), f.rows(), f.bytes(), stats);
  }

  /** One scan's state. */
  private static final class Scan {
    private final Path root;
    private final Predicate<String> skip;
    private final List<String> warnings = new ArrayList<>();
    /** Candidate files: relative path to partition values. */
    private final Map<String, LinkedHashMap<String, String>> candidates = new TreeMap<>();

    Scan(Path root, Predicate<String> skip) {
      this.root = root;
      this.skip = skip;
    }

    ScannedTable run() throws IOException {
      boolean single = Files.isRegularFile(root);
      if (single) {
        candidates.put("", new LinkedHashMap<>());
      } else {
        walk(root, "", new LinkedHashMap<>());
      }
      List<String> keys = null;
      Map<String, String> formats = new LinkedHashMap<>();
      Map<String, Integer> formatCounts = new HashMap<>();
      for (Map.Entry<String, LinkedHashMap<String, String>> e : candidates.entrySet()) {
        List<String> k = new ArrayList<>(e.getValue().keySet());
        if (keys == null) {
          keys = k;
        } else if (!keys.equals(k)) {
          warnings.add(e.getKey() + ": partition folders " + k + " differ from the table's " + keys + "; skipped");
          continue;
        }
        Path file = single ? root : root.resolve(e.getKey());
        var format = Footers.format(file);
        if (format.isEmpty()) {
          warnings.add(show(e.getKey()) + ": not a Parquet or ORC file; skipped");
          continue;
        }
        formats.put(e.getKey(), format.get());
        formatCounts.merge(format.get(), 1, Integer::sum);
      }
      String format = formatCounts.isEmpty() ? "parquet" : formatCounts.entrySet().stream()
          .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
              : b.getValue() - a.getValue())
          .findFirst().orElseThrow().getKey();
      List<String> partitionNames = keys == null ? List.of() : keys;
      Set<String> partitionSet = new HashSet<>(partitionNames);

      List<ScannedFile> files = new ArrayList<>();
      int footers = 0;
      for (Map.Entry<String, String> e : formats.entrySet()) {
        String rel = e.getKey();
        if (!e.getValue().equals(format)) {
          warnings.add(show(rel) + ": a " + e.getValue() + " file in a " + format + " table; skipped");
          continue;
        }
        LinkedHashMap<String, String> values = candidates.get(rel);
        if (skip.test(catalogPath(values))) {
          continue;
        }
        Path file = single ? root : root.resolve(rel);
        Footers.Summary s;
        try {
          footers++;
          s = Footers.read(file, format);
        } catch (IOException | RuntimeException ex) {
          warnings.add(show(rel) + ": footer unreadable (" + ex.getMessage() + "); skipped");
          continue;
        }
        for (String u : s.unsupported()) {
          warnings.add(show(rel) + ": column " + u + " left out");
        }
        files.add(new ScannedFile(rel, values, format, s.rows(), Files.size(file),
            s.schema().without(partitionSet), s.codecs(), s.createdBy(), s.columns()));
      }

      Schema schema = null;
      List<String> conflicts = new ArrayList<>();
      Set<String> codecs = new TreeSet<>();
      long rows = 0;
      long bytes = 0;
      Map<String, long[]> partitionSums = new TreeMap<>();
      Map<String, Map<String, String>> partitionValues = new HashMap<>();
      for (ScannedFile f : files) {
        if (schema == null) {
          schema = f.schema();
        } else {
          SchemaEvolution.Result r = SchemaEvolution.merge(schema, f.schema());
          for (String c : r.conflicts()) {
            conflicts.add(show(f.path()) + ": " + c);
          }
          schema = r.schema();
        }
        codecs.addAll(f.codecs());
        rows += f.rows();
        bytes += f.bytes();
        int slash = f.path().lastIndexOf('/');
        String dir = partitionNames.isEmpty() || slash < 0 ? "" : f.path().substring(0, slash);
        long[] sums = partitionSums.computeIfAbsent(dir, k -> new long[3]);
        sums[0]++;
        sums[1] += f.rows();
        sums[2] += f.bytes();
        partitionValues.putIfAbsent(dir, f.partition());
      }
      List<ScannedPartition> partitions = new ArrayList<>();
      partitionSums.forEach((dir, s) -> partitions.add(new ScannedPartition(dir, partitionValues.get(dir),
          (int) s[0], s[1], s[2])));
      List<PartitionColumn> partitionColumns = new ArrayList<>();
      for (String name : partitionNames) {
        List<String> values = new ArrayList<>();
        candidates.values().forEach(v -> values.add(v.get(name)));
        partitionColumns.add(PartitionColumn.of(name, PartitionInference.infer(values)));
      }
      return new ScannedTable(root, tableName(root, single), format, schema == null ? Schema.of() : schema,
          partitionColumns, partitions, files, rows, bytes, codecs, conflicts, warnings, footers);
    }

    private void walk(Path dir, String prefix, LinkedHashMap<String, String> partition) throws IOException {
      List<Path> entries;
      try (Stream<Path> s = Files.list(dir)) {
        entries = s.sorted().toList();
      }
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (hidden(name)) {
          continue;
        }
        String rel = prefix + name;
        if (Files.isDirectory(p)) {
          int eq = name.indexOf('=');
          if (eq <= 0) {
            warnings.add(rel + "/: not a name=value partition folder; skipped (crawl it as a table of its own)");
            continue;
          }
          LinkedHashMap<String, String> next = new LinkedHashMap<>(partition);
          String key = PartitionPaths.unescape(name.substring(0, eq));
          String value = PartitionPaths.unescape(name.substring(eq + 1));
          if (next.containsKey(key)) {
            warnings.add(rel + "/: partition column " + key + " repeated; skipped");
            continue;
          }
          next.put(key, value.isEmpty() || value.equals(PartitionPaths.DEFAULT_PARTITION_NAME) ? null : value);
          walk(p, rel + "/", next);
        } else if (Files.isRegularFile(p)) {
          candidates.put(rel, partition);
        }
      }
    }

    private String show(String rel) {
      return rel.isEmpty() ? root.getFileName().toString() : rel;
    }
  }

  /** The folder's name, or a single file's name without its extensions. */
  private static String tableName(Path root, boolean single) {
    Path name = root.getFileName();
    if (name == null) {
      return "table";
    }
    String n = name.toString();
    if (single) {
      int dot = n.indexOf('.');
      n = dot > 0 ? n.substring(0, dot) : n;
    }
    return n;
  }
}
