package dev.partita.write;

import dev.partita.PartitaException;

/** A clustered write received a row for a partition it had already closed; the write is aborted. */
public class ClusteringException extends PartitaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ClusteringException(String message) {
    super(message);
  }
}
