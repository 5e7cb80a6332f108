package dev.partita.catalog;

/** Validation of catalog names. */
final class Names {
  private Names() {}

  /**
   * Checks a namespace, table, column or property name: not null, not empty, no NUL character (PostgreSQL text
   * cannot hold it).
   *
   * @throws IllegalArgumentException naming what was checked
   */
  static String check(String what, String name) {
    if (name == null) {
      throw new NullPointerException(what);
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " must not contain the NUL character: '"
          + name.replace("\0", "\\0") + "'");
    }
    return name;
  }
}
