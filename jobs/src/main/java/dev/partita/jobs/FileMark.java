package dev.partita.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * A file a job's bookmark holds: it was read by {@code run} in this version.
 *
 * @param source the source's name
 * @param path the path relative to the source directory, {@code /}-separated
 * @param size the size when read
 * @param modifiedAt the modification time when read (microsecond precision)
 * @param contentHash hex SHA-256 of the bytes read, when the source keeps hashes
 * @param run the run that read it
 */
public record FileMark(String source, String path, long size, Instant modifiedAt, Optional<String> contentHash,
    long run) {}
