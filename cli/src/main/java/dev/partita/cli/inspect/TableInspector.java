package dev.partita.cli.inspect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.partita.cli.convert.TextValues;
import dev.partita.cli.convert.ValueException;
import dev.partita.cli.input.InputException;
import dev.partita.cli.inspect.FileFooter.ColumnInfo;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Describes any Hive-style table directory, whoever wrote it (Partita, Spark, DuckDB, pyarrow): data files are
 * the files below it whose path has no segment starting with {@code _} or {@code .}, recognised by extension;
 * partition columns come from {@code name=value} folders (Hive-unescaped, {@code __HIVE_DEFAULT_PARTITION__} is
 * null) and are typed by their values (int64, double, date, timestamp, boolean, else string); schemas, row counts
 * and codecs from the Parquet and ORC footers. For text files, row counts come from Partita's commit manifests
 * when the table has them.
 */
public final class TableInspector {
  private static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private TableInspector() {}

  /**
   * Inspects {@code dir}.
   *
   * @throws InputException when the directory does not exist or is not a directory, or a footer is unreadable
   */
  public static TableReport inspect(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      throw new InputException("table directory " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new InputException(dir + " is not a directory; inspect takes a table directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).filter(p -> visible(dir.relativize(p)))
          .filter(p -> !Footers.formatOf(p.getFileName().toString()).isEmpty()).sorted().toList();
    }
    Map<String, Long> manifestRows = new HashMap<>();
    int commits = readManifests(dir, manifestRows);

    Map<String, Integer> formats = new TreeMap<>();
    Set<String> codecs = new TreeSet<>();
    Map<String, Integer> writers = new TreeMap<>();
    List<ColumnInfo> schema = null;
    Map<String, List<ColumnInfo>> variants = new LinkedHashMap<>();
    Set<List<ColumnInfo>> seen = new HashSet<>();
    LinkedHashMap<String, List<String>> partitionValues = new LinkedHashMap<>();
    Set<Path> partitionDirs = new HashSet<>();
    long rows = 0;
    boolean rowsKnown = true;
    long bytes = 0;
    for (Path f : files) {
      Path rel = dir.relativize(f);
      String format = Footers.formatOf(f.getFileName().toString());
      FileFooter footer;
      try {
        footer = Footers.read(f, format);
      } catch (IOException e) {
        throw new InputException("cannot read the footer of " + f + ": " + e.getMessage(), e);
      }
      formats.merge(format, 1, Integer::sum);
      codecs.addAll(footer.codecs());
      if (!footer.createdBy().isEmpty()) {
        writers.merge(footer.createdBy(), 1, Integer::sum);
      }
      OptionalLong r = footer.rows();
      if (r.isEmpty()) {
        Long m = manifestRows.get(rel.toString().replace('\\', '/'));
        r = m == null ? OptionalLong.empty() : OptionalLong.of(m);
      }
      if (r.isPresent()) {
        rows += r.getAsLong();
      } else {
        rowsKnown = false;
      }
      bytes += Files.size(f);
      if (!footer.columns().isEmpty()) {
        if (schema == null) {
          schema = footer.columns();
          seen.add(schema);
        } else if (seen.add(footer.columns())) {
          variants.put(rel.toString(), footer.columns());
        }
      }
      partitionDirs.add(rel.getParent() == null ? Path.of("") : rel.getParent());
      for (int i = 0; i < rel.getNameCount() - 1; i++) {
        String seg = rel.getName(i).toString();
        int eq = seg.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String name = unescape(seg.substring(0, eq));
        String value = unescape(seg.substring(eq + 1));
        partitionValues.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    List<ColumnInfo> partitionColumns = new ArrayList<>();
    partitionValues.forEach((name, values) -> partitionColumns.add(new ColumnInfo(name, inferType(values))));
    return new TableReport(dir, formats, List.copyOf(codecs), schema == null ? List.of() : schema, variants,
        partitionColumns, files.isEmpty() ? 0 : partitionDirs.size(), files.size(),
        rowsKnown ? OptionalLong.of(rows) : OptionalLong.empty(), bytes, commits, writers);
  }

  private static boolean visible(Path rel) {
    for (Path seg : rel) {
      String s = seg.toString();
      if (s.startsWith("_") || s.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  /** Hive's unescaping: {@code %XX} is the character with that code. */
  static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The narrowest type every non-null value parses as. */
  static String inferType(List<String> values) {
    boolean ints = true;
    boolean doubles = true;
    boolean dates = true;
    boolean timestamps = true;
    boolean bools = true;
    boolean any = false;
    TextValues.Timestamp ts = new TextValues.Timestamp();
    for (String v : values) {
      if (v.equals(DEFAULT_PARTITION) || v.isEmpty()) {
        continue;
      }
      any = true;
      char[] c = v.toCharArray();
      ints &= TextValues.isIntegerSyntax(c, 0, c.length) && parses(() -> TextValues.parseLong(c, 0, c.length));
      doubles &= parses(() -> TextValues.parseDouble(c, 0, c.length));
      dates &= c.length == 10 && parses(() -> TextValues.parseDate(c, 0, c.length));
      timestamps &= c.length > 10 && parses(() -> TextValues.parseTimestamp(c, 0, c.length, ts));
      bools &= v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    }
    if (!any) {
      return "string";
    }
    return ints ? "int64" : doubles ? "double" : dates ? "date" : timestamps ? "timestamp" : bools ? "boolean"
        : "string";
  }

  private interface Parse {
    void run() throws ValueException;
  }

  private static boolean parses(Parse p) {
    try {
      p.run();
      return true;
    } catch (ValueException e) {
      return false;
    }
  }

  /** Reads {@code _partita/commits/*.json}: rows per file path; returns the number of manifests. */
  private static int readManifests(Path dir, Map<String, Long> rows) throws IOException {
    Path commits = dir.resolve("_partita").resolve("commits");
    if (!Files.isDirectory(commits)) {
      return 0;
    }
    List<Path> manifests;
    try (Stream<Path> s = Files.list(commits)) {
      manifests = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    JsonFactory json = new JsonFactory();
    for (Path m : manifests) {
      try (JsonParser p = json.createParser(m.toFile())) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          JsonToken t = p.nextToken();
          if (k.equals("files") && t == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              String path = null;
              long n = -1;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String fk = p.currentName();
                JsonToken ft = p.nextToken();
                if (fk.equals("path")) {
                  path = p.getText();
                } else if (fk.equals("rows") && ft.isNumeric()) {
                  n = p.getLongValue();
                } else {
                  p.skipChildren();
                }
              }
              if (path != null && n >= 0) {
                rows.put(path, n);
              }
            }
          } else {
            p.skipChildren();
          }
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new InputException("commit manifest " + m + " is not valid JSON: " + e.getOriginalMessage(), e);
      }
    }
    return manifests.size();
  }
}
