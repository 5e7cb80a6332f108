package dev.partita.commit;

import java.util.List;

/**
 * What {@link Recovery} did.
 *
 * @param completedCommits write ids whose decided commits were completed
 * @param rolledBackWrites write ids of crashed writes whose staged files were removed
 * @param skippedLiveWrites write ids left alone because their writer is still running
 */
public record RecoveryReport(List<String> completedCommits, List<String> rolledBackWrites,
    List<String> skippedLiveWrites) {

  /** Copies the lists. */
  public RecoveryReport {
    completedCommits = List.copyOf(completedCommits);
    rolledBackWrites = List.copyOf(rolledBackWrites);
    skippedLiveWrites = List.copyOf(skippedLiveWrites);
  }

  /** Whether recovery found nothing to do. */
  public boolean isClean() {
    return completedCommits.isEmpty() && rolledBackWrites.isEmpty();
  }
}
