package dev.partita.catalog;

/** The named table is not registered. */
public class NoSuchTableException extends CatalogException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code id}. */
  public NoSuchTableException(TableId id, String catalog) {
    super("table " + id + " is not registered in catalog " + catalog
        + "; create it first (Tables.create, a write with a catalog hook, or a crawl)");
  }
}
