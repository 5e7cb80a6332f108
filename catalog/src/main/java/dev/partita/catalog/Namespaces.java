package dev.partita.catalog;

import java.util.List;

/** The namespaces (databases) of a catalog. Thread-safe. */
public interface Namespaces {

  /**
   * Creates a namespace.
   *
   * @return false when it already existed (nothing changed)
   */
  boolean create(String name);

  /** Whether the namespace exists. */
  boolean exists(String name);

  /** Every namespace, sorted by code point. */
  List<String> list();

  /**
   * Drops an empty namespace.
   *
   * @return false when it did not exist
   * @throws CatalogException when it still holds tables
   */
  boolean drop(String name);
}
