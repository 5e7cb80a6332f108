package dev.partita.jobs;

import java.util.List;

/**
 * What a run of a job would read now, without reading or writing anything.
 *
 * @param job the job's name
 * @param inputs the inputs a run would consider, by source (files it already holds unchanged are left out)
 * @param notes other things a run would do or report (paused job, unfinished earlier runs, late rows)
 */
public record DryRun(String job, List<PlannedInput> inputs, List<String> notes) {

  /** Copies the lists. */
  public DryRun {
    inputs = List.copyOf(inputs);
    notes = List.copyOf(notes);
  }

  /** The inputs a run would read. */
  public List<PlannedInput> reads() {
    return inputs.stream().filter(PlannedInput::reads).toList();
  }
}
