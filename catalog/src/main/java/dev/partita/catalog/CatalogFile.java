package dev.partita.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A data file registered in the catalog.
 *
 * @param path the file's path relative to the table root; {@code ""} when the table is this single file
 * @param location the file's full location (table location, {@code /}, path)
 * @param partitionPath the Hive path of its partition ({@code ""} when unpartitioned)
 * @param rows its row count
 * @param bytes its length
 * @param writeId the Partita write that registered it; empty for files a crawl found
 * @param addedAt when it was registered
 */
public record CatalogFile(String path, String location, String partitionPath, long rows, long bytes,
    Optional<String> writeId, Instant addedAt) {

  /** Validates the components. */
  public CatalogFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(partitionPath, "partitionPath");
    Objects.requireNonNull(writeId, "writeId");
    Objects.requireNonNull(addedAt, "addedAt");
  }
}
