package dev.partita.catalog;

import dev.partita.PartitaException;

/** A catalog operation failed; the message names the table or namespace and what to do. */
public class CatalogException extends PartitaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public CatalogException(String message) {
    super(message);
  }

  /** Creates the exception with a cause. */
  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
