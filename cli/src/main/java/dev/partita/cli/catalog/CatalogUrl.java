package dev.partita.cli.catalog;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogOptions;
import dev.partita.catalog.Catalogs;
import picocli.CommandLine.Option;

/** The {@code --catalog URL} option shared by the catalog commands. */
public final class CatalogUrl {
  @Option(names = "--catalog", paramLabel = "URL",
      description = "The catalog: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=U&password=P. Default: $"
          + CatalogOptions.URL_ENVIRONMENT_VARIABLE + " if set, else the SQLite file ~/.partita/catalog.db.")
  String url;

  /** Whether --catalog was given. */
  public boolean given() {
    return url != null;
  }

  /** Creates the option holder; picocli instantiates it. */
  public CatalogUrl() {}

  /** The URL given, or the default. */
  public String url() {
    return url != null ? url : CatalogOptions.defaultUrl();
  }

  /** Opens the catalog. */
  public Catalog open() {
    return Catalogs.open(url());
  }
}
