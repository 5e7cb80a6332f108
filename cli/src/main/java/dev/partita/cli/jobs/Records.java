package dev.partita.cli.jobs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.partita.catalog.TableId;
import dev.partita.cli.run.Sizes;
import dev.partita.jobs.RunInput;
import dev.partita.jobs.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** How the job commands print runs. */
final class Records {
  private Records() {}

  /** A finished run in two or more lines. */
  static void summary(RunRecord r, TableId table, PrintWriter out) {
    out.printf(Locale.ROOT, "Run %d of job %s: %s. %,d inputs read, %,d rows in, %,d out, %,d bad, %,d late;"
            + " %,d files (%s) in %,d partitions of %s%n", r.run(), r.job(), r.status(), r.inputsRead(), r.rowsIn(),
        r.rowsOut(), r.rowsBad(), r.rowsLate(), r.filesWritten(), Sizes.human(r.bytesWritten()),
        r.partitionsTouched(), table);
    r.message().ifPresent(m -> m.lines().forEach(l -> out.println("  " + l)));
  }

  /** One line per run, under a header. */
  static void table(List<RunRecord> runs, PrintWriter out) {
    out.printf(Locale.ROOT, "%-20s %5s %-10s %-24s %-24s %6s %9s %9s %6s %6s %6s %10s %s%n", "JOB", "RUN", "STATUS",
        "STARTED", "ENDED", "INPUTS", "ROWS_IN", "ROWS_OUT", "BAD", "LATE", "FILES", "BYTES", "PARTITIONS");
    for (RunRecord r : runs) {
      out.printf(Locale.ROOT, "%-20s %5d %-10s %-24s %-24s %6d %9d %9d %6d %6d %6d %10d %d%n", r.job(), r.run(),
          r.status(), r.startedAt(), r.endedAt().map(Object::toString).orElse("-"), r.inputsRead(), r.rowsIn(),
          r.rowsOut(), r.rowsBad(), r.rowsLate(), r.filesWritten(), r.bytesWritten(), r.partitionsTouched());
    }
  }

  /** One run in detail, with its inputs. */
  static void detail(RunRecord r, List<RunInput> inputs, PrintWriter out) {
    out.println("Run " + r.run() + " of job " + r.job() + ": " + r.status());
    out.println("  write id:   " + r.writeId());
    out.println("  owner:      " + r.owner());
    out.println("  started:    " + r.startedAt() + ", ended " + r.endedAt().map(Object::toString).orElse("-"));
    out.printf(Locale.ROOT, "  rows:       %,d in, %,d out, %,d bad, %,d late, %,d filtered%n", r.rowsIn(),
        r.rowsOut(), r.rowsBad(), r.rowsLate(), r.rowsFiltered());
    out.printf(Locale.ROOT, "  written:    %,d files, %,d bytes, %,d partitions%n", r.filesWritten(),
        r.bytesWritten(), r.partitionsTouched());
    r.partitions().forEach(p -> out.println("  partition:  " + p));
    for (RunInput i : inputs) {
      out.printf(Locale.ROOT, "  input:      %s %s (%,d rows, %,d bytes)%n", i.source(), i.input(), i.rows(),
          i.bytes());
    }
    r.message().ifPresent(m -> m.lines().forEach(l -> out.println("  message:    " + l)));
  }

  /** A run as one JSON object. */
  static void json(RunRecord r, PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.writeStartObject();
    g.writeStringField("job", r.job());
    g.writeNumberField("run", r.run());
    g.writeStringField("write_id", r.writeId());
    g.writeStringField("owner", r.owner());
    g.writeStringField("status", r.status().name());
    g.writeStringField("started_at", r.startedAt().toString());
    if (r.endedAt().isPresent()) {
      g.writeStringField("ended_at", r.endedAt().get().toString());
    }
    g.writeNumberField("inputs_read", r.inputsRead());
    g.writeNumberField("rows_in", r.rowsIn());
    g.writeNumberField("rows_out", r.rowsOut());
    g.writeNumberField("rows_bad", r.rowsBad());
    g.writeNumberField("rows_late", r.rowsLate());
    g.writeNumberField("files_written", r.filesWritten());
    g.writeNumberField("bytes_written", r.bytesWritten());
    g.writeNumberField("partitions_touched", r.partitionsTouched());
    g.writeArrayFieldStart("partitions");
    for (String p : r.partitions()) {
      g.writeString(p);
    }
    g.writeEndArray();
    if (r.message().isPresent()) {
      g.writeStringField("message", r.message().get());
    }
    g.writeEndObject();
    g.flush();
    out.println();
  }
}
