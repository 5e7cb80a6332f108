package dev.partita.jobs;

import dev.partita.catalog.TableId;
import dev.partita.jobs.source.Source;
import dev.partita.jobs.source.SourceDefinitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a job's stored definition: the options that say what the job reads and where it writes, kept in
 * the catalog with the job so that it can be run again by name ({@link JobDefinitions#job}, or
 * {@code partita ingest --job NAME} without source options). A run stores a new version whenever the job it runs
 * differs from the current one; earlier versions and their runs stay in the history.
 *
 * <p>Options: {@code table}, {@code location}, {@code max-bad-rows}, {@code transform} ({@value
 * SourceDefinitions#NOT_STORED} when the job has one: code is not stored), and per source {@code source.<name>.<key>}
 * with the keys of {@link SourceDefinitions}. Never a password.
 *
 * @param job the job's name
 * @param table the table it writes
 * @param version 1 for the first definition, then 2, 3, ...
 * @param storedAt when this version was stored
 * @param sinceRun the first run of the job that ran this version (runs before it ran earlier versions)
 * @param options the options, in a fixed order
 */
public record JobDefinition(String job, TableId table, long version, Instant storedAt, long sinceRun,
    Map<String, String> options) {

  /** An option that a caller gives differently from the stored definition. */
  public record Difference(String option, Optional<String> stored, String given) {
    /** Requires the components. */
    public Difference {
      Objects.requireNonNull(option, "option");
      Objects.requireNonNull(stored, "stored");
      Objects.requireNonNull(given, "given");
    }
  }

  /** Copies the options, keeping their order. */
  public JobDefinition {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(storedAt, "storedAt");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** The options that define {@code job}: its table, location, bad-row limit and sources. */
  public static Map<String, String> optionsOf(IngestJob job) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("table", job.table().toString());
    out.put("location", job.location());
    out.put("max-bad-rows", Long.toString(job.maxBadRows()));
    if (job.transform().isPresent()) {
      out.put("transform", SourceDefinitions.NOT_STORED);
    }
    for (Source s : job.sources()) {
      SourceDefinitions.options(s).forEach((k, v) -> out.put("source." + s.name() + "." + k, v));
    }
    return out;
  }

  /** The names of the sources, in order. */
  public List<String> sources() {
    List<String> out = new ArrayList<>();
    for (String key : options.keySet()) {
      if (key.startsWith("source.") && key.endsWith(".kind")) {
        out.add(key.substring("source.".length(), key.length() - ".kind".length()));
      }
    }
    return out;
  }

  /** The options of source {@code name}, without their {@code source.<name>.} prefix. */
  public Map<String, String> sourceOptions(String name) {
    String prefix = "source." + name + ".";
    Map<String, String> out = new LinkedHashMap<>();
    options.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /**
   * The options of {@code given} whose values differ from this definition's (absent here counts as different).
   * Options whose stored value is {@value SourceDefinitions#NOT_STORED} are not compared.
   */
  public List<Difference> differences(Map<String, String> given) {
    List<Difference> out = new ArrayList<>();
    given.forEach((k, v) -> {
      String stored = options.get(k);
      if (!SourceDefinitions.NOT_STORED.equals(stored) && !v.equals(stored)) {
        out.add(new Difference(k, Optional.ofNullable(stored), v));
      }
    });
    return out;
  }
}
