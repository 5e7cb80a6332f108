package dev.partita.catalog;

import dev.partita.catalog.jdbc.JdbcCatalog;
import java.nio.file.Path;

/** Opens catalogs. */
public final class Catalogs {
  private Catalogs() {}

  /**
   * Opens the catalog described by {@code options}, creating or upgrading its tables (versioned migrations) as
   * needed.
   *
   * @throws CatalogException when the database cannot be reached or migrated
   */
  public static Catalog open(CatalogOptions options) {
    return JdbcCatalog.open(options);
  }

  /** Opens the catalog at a JDBC URL with default options. */
  public static Catalog open(String url) {
    return open(CatalogOptions.builder(url).build());
  }

  /** Opens (creating if needed) a SQLite catalog file. */
  public static Catalog openSqlite(Path file) {
    return open(CatalogOptions.sqliteUrl(file));
  }

  /** Opens the default catalog, {@link CatalogOptions#defaultUrl()}. */
  public static Catalog openDefault() {
    return open(CatalogOptions.defaultUrl());
  }

  /** A JDBC URL with passwords masked, for messages and logs. */
  public static String redact(String url) {
    return Redact.url(url);
  }
}
