package dev.partita.jobs;

import dev.partita.catalog.TableId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a job has processed, as its runs' registered output says: the files read (latest version per path) and
 * the JDBC key positions. Entries of runs whose output is not registered in the catalog are not part of it.
 *
 * @param job the job's name
 * @param table the catalog table the job writes
 * @param lastRun the run that last advanced the bookmark, 0 when empty
 * @param pausedAt when the job was paused; empty when it runs
 * @param pauseReason why it was paused
 * @param files the files read, by source and path
 * @param keys the key positions, by source
 */
public record Bookmark(String job, TableId table, long lastRun, Optional<Instant> pausedAt,
    Optional<String> pauseReason, List<FileMark> files, List<KeyMark> keys) {

  /** Copies the lists. */
  public Bookmark {
    files = List.copyOf(files);
    keys = List.copyOf(keys);
  }

  /** Whether runs are paused. */
  public boolean paused() {
    return pausedAt.isPresent();
  }
}
