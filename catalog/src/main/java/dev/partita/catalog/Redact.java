package dev.partita.catalog;

/** Removes credentials from JDBC URLs shown in messages. */
final class Redact {
  private Redact() {}

  /** The URL with the values of {@code password=} parameters and of {@code user:password@} replaced. */
  static String url(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
  }
}
