package dev.partita.jobs;

import java.util.List;

/**
 * The position of a JDBC source in a job's bookmark: the largest key read so far.
 *
 * @param source the source's name
 * @param columns the bookmark key columns, most significant first
 * @param values the largest key read, one text per column (as the database returned it for text columns, ISO-8601
 *     for dates and times, plain digits for numbers)
 * @param rowsCovered source rows whose keys were at or below it when it was recorded
 * @param run the run that read up to it
 */
public record KeyMark(String source, List<String> columns, List<String> values, long rowsCovered, long run) {

  /** Copies the lists. */
  public KeyMark {
    columns = List.copyOf(columns);
    values = List.copyOf(values);
  }
}
