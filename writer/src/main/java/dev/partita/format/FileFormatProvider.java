package dev.partita.format;

import java.util.Map;

/**
 * Makes {@link FileFormat}s of one name from string options; registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.partita.format.FileFormatProvider}. Used by the command line and by
 * configuration files; code can build a format with its module's typed builder instead.
 */
public interface FileFormatProvider {

  /** The format name this provider serves, lower case. */
  String name();

  /**
   * A format configured by {@code options} (for example {@code codec=zstd}, {@code level=3}).
   *
   * @throws IllegalArgumentException naming an unknown option or a bad value, and listing the known options
   */
  FileFormat create(Map<String, String> options);
}
