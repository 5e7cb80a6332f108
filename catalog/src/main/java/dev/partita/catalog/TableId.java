package dev.partita.catalog;

import java.util.Objects;

/**
 * The name of a catalog table: a namespace (database, in Hive and Glue terms) and a table name. Both are kept
 * exactly as given: any non-empty text without NUL is allowed, including quotes, {@code ;}, {@code %}, dots and
 * non-ASCII letters.
 *
 * @param namespace the namespace the table belongs to
 * @param name the table name, unique within its namespace
 */
public record TableId(String namespace, String name) {

  /** The namespace used when none is named: {@code default}, as in Hive. */
  public static final String DEFAULT_NAMESPACE = "default";

  /** Validates the components. */
  public TableId {
    Names.check("namespace", namespace);
    Names.check("table name", name);
  }

  /** A table in {@code namespace}. */
  public static TableId of(String namespace, String name) {
    return new TableId(namespace, name);
  }

  /** A table in the {@link #DEFAULT_NAMESPACE}. */
  public static TableId of(String name) {
    return new TableId(DEFAULT_NAMESPACE, name);
  }

  /**
   * Parses {@code namespace.name}, splitting at the first dot, or a bare {@code name} in the default namespace.
   * Use {@link #of(String, String)} for namespaces that contain dots.
   */
  public static TableId parse(String text) {
    Objects.requireNonNull(text, "text");
    int dot = text.indexOf('.');
    return dot < 0 ? of(text) : of(text.substring(0, dot), text.substring(dot + 1));
  }

  /** {@code namespace.name}. */
  @Override
  public String toString() {
    return namespace + "." + name;
  }
}
