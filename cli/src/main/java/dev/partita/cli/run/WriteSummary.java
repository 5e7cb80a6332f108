package dev.partita.cli.run;

import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a finished {@code partita write} did.
 *
 * @param output the table directory
 * @param writeId the committed write's id
 * @param format the output format
 * @param codec the codec
 * @param schema the schema the rows were typed by
 * @param inferred whether the schema was inferred (else given by {@code --schema})
 * @param inputFiles number of input files read
 * @param partitions distinct partitions written
 * @param files data files committed
 * @param earlyCloses files closed before their partition ended, because of {@code --max-open-files} or
 *     {@code --memory} (each such partition continues in a new file)
 * @param rows rows committed
 * @param badRows bad records dropped
 * @param badRecordsFile where bad records were written, if anywhere
 * @param bytesIn input bytes read (compressed, as on disk)
 * @param bytesOut bytes of the committed data files
 * @param nanos time from start to commit
 * @param threads writer threads used
 * @param requestedThreads threads asked for with {@code --threads}
 */
public record WriteSummary(Path output, String writeId, String format, String codec, Schema schema,
    boolean inferred, int inputFiles, long partitions, long files, long earlyCloses, long rows, long badRows,
    Optional<Path> badRecordsFile, long bytesIn, long bytesOut, long nanos, int threads, int requestedThreads) {

  /** Seconds taken. */
  public double seconds() {
    return nanos / 1e9;
  }

  /** Rows per second (committed rows over the whole time). */
  public double rowsPerSecond() {
    return nanos == 0 ? 0 : rows / seconds();
  }
}
