package dev.partita.catalog.crawler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A partition folder a scan found.
 *
 * @param path its path relative to the table root, as on disk ({@code year=2024/month=3}; {@code ""} when
 *     unpartitioned)
 * @param values partition column name to value (unescaped; null for the default partition name)
 * @param files its data files
 * @param rows rows in them
 * @param bytes bytes of them
 */
public record ScannedPartition(String path, Map<String, String> values, int files, long rows, long bytes) {

  /** Copies the map (it keeps its order and may hold null values). */
  public ScannedPartition {
    Objects.requireNonNull(path, "path");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
