package dev.partita.commit;

import dev.partita.PartitaException;

/**
 * A commit failed. {@link #isDecided()} tells whether the journal was already durable: then the commit will be
 * completed by recovery (opening the table again); otherwise nothing of the write became visible.
 */
public class CommitException extends PartitaException {
  private static final long serialVersionUID = 1L;
  private final boolean decided;

  /** Creates the exception. */
  public CommitException(String message, boolean decided, Throwable cause) {
    super(message, cause);
    this.decided = decided;
  }

  /** Whether the commit was decided (journal durable) before the failure. */
  public boolean isDecided() {
    return decided;
  }
}
