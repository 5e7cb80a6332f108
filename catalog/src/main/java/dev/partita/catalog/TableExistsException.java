package dev.partita.catalog;

/** A table of that name is already registered. */
public class TableExistsException extends CatalogException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code id}. */
  public TableExistsException(TableId id, String catalog) {
    super("table " + id + " already exists in catalog " + catalog
        + "; drop it first or alter it (Tables.alter)");
  }
}
