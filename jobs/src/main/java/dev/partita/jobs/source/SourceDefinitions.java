package dev.partita.jobs.source;

import dev.partita.format.text.read.CsvOptions;
import dev.partita.schema.Schema;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A {@link Source} as text options and back: what a job's stored definition keeps of each source, so that the job
 * can be run again by name. Options never hold a password: JDBC URLs lose their credentials and a password
 * property becomes {@link #NOT_STORED}; it must be given again to {@link #source}.
 *
 * <p>Options of a file source: {@code kind=files}, {@code directory} (absolute), {@code glob}, {@code format}
 * ({@code csv}, {@code json}, {@code parquet}), {@code changed-files} ({@code ignore}, {@code reprocess}),
 * {@code content-hash} ({@code true}, {@code false}), {@code settle-time} (ISO-8601, {@code PT0S}),
 * {@code max-files-per-run} (a number or {@code unlimited}) and for CSV {@code delimiter}, {@code quote},
 * {@code header}, {@code null-value}. Of a JDBC source: {@code kind=jdbc}, {@code url}, {@code query},
 * {@code bookmark-keys} (comma-separated), {@code late-rows} ({@code report}, {@code fail}),
 * {@code max-rows-per-run}, {@code fetch-size}, {@code property.<name>} per connection property and
 * {@code password} ({@link #NOT_STORED}) when the source connects with one. Options left out take the builders'
 * defaults.
 */
public final class SourceDefinitions {
  /** The value stored in place of a secret (a password, a transform's code): it exists but is not kept. */
  public static final String NOT_STORED = "(not stored)";
  /** The key of the secret a source's password is given under to {@link #source}. */
  public static final String PASSWORD = "password";

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])(password|pwd)=[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("//([^/@:?;]+):[^/@?;]*@");

  private SourceDefinitions() {}

  /** The options of {@code source}, in a fixed order, without credentials. */
  public static Map<String, String> options(Source source) {
    Objects.requireNonNull(source, "source");
    Map<String, String> out = new LinkedHashMap<>();
    if (source instanceof FileSource f) {
      out.put("kind", "files");
      out.put("directory", f.directory().toString());
      out.put("glob", f.glob());
      out.put("format", formatName(f.format()));
      out.put("changed-files", f.changedFiles().name().toLowerCase(Locale.ROOT));
      out.put("content-hash", Boolean.toString(f.contentHash()));
      out.put("settle-time", f.settleTime().toString());
      out.put("max-files-per-run", f.maxFilesPerRun() == FileSource.DEFAULT_MAX_FILES_PER_RUN ? "unlimited"
          : Integer.toString(f.maxFilesPerRun()));
      if (f.format() == FileSource.Format.CSV) {
        CsvOptions csv = f.csvOptions();
        out.put("delimiter", Character.toString(csv.delimiter()));
        out.put("quote", Character.toString(csv.quote()));
        out.put("header", Boolean.toString(csv.header()));
        out.put("null-value", csv.nullValue());
      }
    } else if (source instanceof JdbcSource j) {
      out.put("kind", "jdbc");
      out.put("url", withoutCredentials(j.url()));
      out.put("query", j.query());
      out.put("bookmark-keys", String.join(",", j.bookmarkKeys()));
      out.put("late-rows", j.lateRows().name().toLowerCase(Locale.ROOT));
      out.put("max-rows-per-run", j.maxRowsPerRun() == JdbcSource.DEFAULT_MAX_ROWS_PER_RUN ? "unlimited"
          : Long.toString(j.maxRowsPerRun()));
      out.put("fetch-size", Integer.toString(j.fetchSize()));
      Properties p = j.properties();
      boolean password = !withoutCredentials(j.url()).equals(j.url());
      for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
        if (isSecret(key)) {
          password = true;
        } else {
          out.put("property." + key, p.getProperty(key));
        }
      }
      if (password) {
        out.put(PASSWORD, NOT_STORED);
      }
    }
    return out;
  }

  /**
   * Builds the source {@code name} of {@code options} producing rows of {@code schema}.
   *
   * @param secrets values not stored: {@link #PASSWORD} for a JDBC source whose options mark a password
   * @throws IllegalArgumentException naming the option that is missing or invalid, or the password that is needed
   */
  public static Source source(String name, Map<String, String> options, Schema schema, Map<String, String> secrets) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(secrets, "secrets");
    String kind = options.getOrDefault("kind", options.containsKey("url") ? "jdbc" : "files");
    return switch (kind) {
      case "files" -> files(name, options, schema);
      case "jdbc" -> jdbc(name, options, schema, secrets);
      default -> throw new IllegalArgumentException("option kind of source '" + name + "' must be files or jdbc, got '"
          + kind + "'");
    };
  }

  private static FileSource files(String name, Map<String, String> o, Schema schema) {
    String directory = require(name, o, "directory");
    String glob = o.getOrDefault("glob", FileSource.DEFAULT_GLOB);
    FileSource.Format format = o.containsKey("format") ? format(name, o.get("format"))
        : FileSource.Format.ofFileName(glob);
    FileSource.Builder b = FileSource.of(format, name, java.nio.file.Path.of(directory), schema).glob(glob);
    if (o.containsKey("changed-files")) {
      b.changedFiles(switch (o.get("changed-files").toLowerCase(Locale.ROOT)) {
        case "ignore" -> ChangedFilePolicy.IGNORE;
        case "reprocess" -> ChangedFilePolicy.REPROCESS;
        default -> throw invalid(name, "changed-files", o.get("changed-files"), "ignore or reprocess");
      });
    }
    if (o.containsKey("content-hash")) {
      b.contentHash(bool(name, o, "content-hash"));
    }
    if (o.containsKey("settle-time")) {
      try {
        b.settleTime(Duration.parse(o.get("settle-time")));
      } catch (DateTimeParseException e) {
        throw invalid(name, "settle-time", o.get("settle-time"), "an ISO-8601 duration such as PT30S");
      }
    }
    String max = o.get("max-files-per-run");
    if (max != null && !max.equals("unlimited")) {
      b.maxFilesPerRun((int) number(name, "max-files-per-run", max));
    }
    return b.csvOptions(csvOptions(name, o)).build();
  }

  /**
   * The CSV options of the file source {@code name} among its {@code options} ({@code delimiter}, {@code quote},
   * {@code header}, {@code null-value}; others ignored), those left out at their defaults.
   *
   * @throws IllegalArgumentException naming the option that is invalid
   */
  public static CsvOptions csvOptions(String name, Map<String, String> options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    CsvOptions.Builder b = CsvOptions.builder();
    if (options.containsKey("delimiter")) {
      b.delimiter(oneChar(name, options, "delimiter"));
    }
    if (options.containsKey("quote")) {
      b.quote(oneChar(name, options, "quote"));
    }
    if (options.containsKey("header")) {
      b.header(bool(name, options, "header"));
    }
    if (options.containsKey("null-value")) {
      b.nullValue(options.get("null-value"));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("source '" + name + "': " + e.getMessage(), e);
    }
  }

  private static JdbcSource jdbc(String name, Map<String, String> o, Schema schema, Map<String, String> secrets) {
    JdbcSource.Builder b = JdbcSource.query(name, require(name, o, "url"), require(name, o, "query"), schema);
    b.bookmarkKeys(List.of(require(name, o, "bookmark-keys").split(",")).stream().map(String::strip)
        .toArray(String[]::new));
    if (o.containsKey("late-rows")) {
      b.lateRows(switch (o.get("late-rows").toLowerCase(Locale.ROOT)) {
        case "report" -> LateRowPolicy.REPORT;
        case "fail" -> LateRowPolicy.FAIL;
        default -> throw invalid(name, "late-rows", o.get("late-rows"), "report or fail");
      });
    }
    String max = o.get("max-rows-per-run");
    if (max != null && !max.equals("unlimited")) {
      b.maxRowsPerRun(number(name, "max-rows-per-run", max));
    }
    if (o.containsKey("fetch-size")) {
      b.fetchSize((int) number(name, "fetch-size", o.get("fetch-size")));
    }
    for (Map.Entry<String, String> e : o.entrySet()) {
      if (e.getKey().startsWith("property.")) {
        b.property(e.getKey().substring("property.".length()), e.getValue());
      }
    }
    String password = secrets.get(PASSWORD);
    if (password != null) {
      b.property(PASSWORD, password);
    } else if (NOT_STORED.equals(o.get(PASSWORD))) {
      throw new IllegalArgumentException("source '" + name + "' connects with a password, which is never stored;"
          + " give it again (the command line takes --jdbc-password or the environment variable"
          + " PARTITA_JDBC_PASSWORD)");
    }
    return b.build();
  }

  /** Whether a connection property holds a secret (its name mentions a password or a secret). */
  static boolean isSecret(String property) {
    String k = property.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.equals("pwd") || k.contains("secret");
  }

  /**
   * {@code url} without credentials: {@code password=} and {@code pwd=} parameters ({@code ?&} or {@code ;}
   * separated) removed, and {@code user:password@} reduced to {@code user@}.
   */
  public static String withoutCredentials(String url) {
    Objects.requireNonNull(url, "url");
    String u = PASSWORD_PARAMETER.matcher(url).replaceAll("$1");
    u = USER_INFO.matcher(u).replaceAll("//$1@");
    u = u.replaceAll("([?&;])[&;]+", "$1").replaceAll("[?&;]+$", "");
    return u;
  }

  /** The password a JDBC URL carries ({@code password=} or {@code pwd=} parameter, or {@code user:password@}). */
  public static java.util.Optional<String> passwordOf(String url) {
    java.util.regex.Matcher m = Pattern.compile("(?i)[?&;](?:password|pwd)=([^&;]*)").matcher(url);
    if (m.find()) {
      return java.util.Optional.of(m.group(1));
    }
    m = Pattern.compile("//[^/@:?;]+:([^/@?;]*)@").matcher(url);
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /** The option value of a format: {@code csv}, {@code json} or {@code parquet}. */
  public static String formatName(FileSource.Format f) {
    return switch (f) {
      case CSV -> "csv";
      case JSON_LINES -> "json";
      case PARQUET -> "parquet";
    };
  }

  /**
   * The format of a name: {@code csv}; {@code json}, {@code jsonl}, {@code ndjson}; {@code parquet}.
   *
   * @throws IllegalArgumentException listing the names
   */
  public static FileSource.Format format(String source, String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "csv" -> FileSource.Format.CSV;
      case "json", "jsonl", "ndjson" -> FileSource.Format.JSON_LINES;
      case "parquet" -> FileSource.Format.PARQUET;
      default -> throw invalid(source, "format", text, "csv, json or parquet");
    };
  }

  private static String require(String name, Map<String, String> o, String key) {
    String v = o.get(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("source '" + name + "' needs the option " + key);
    }
    return v;
  }

  private static boolean bool(String name, Map<String, String> o, String key) {
    return switch (o.get(key).toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(name, key, o.get(key), "true or false");
    };
  }

  private static char oneChar(String name, Map<String, String> o, String key) {
    String v = o.get(key);
    if (v.length() != 1) {
      throw invalid(name, key, v, "one character");
    }
    return v.charAt(0);
  }

  private static long number(String name, String key, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw invalid(name, key, text, "a number");
    }
  }

  private static IllegalArgumentException invalid(String name, String key, String value, String allowed) {
    return new IllegalArgumentException("option " + key + " of source '" + name + "' must be " + allowed + ", got '"
        + value + "'");
  }
}
