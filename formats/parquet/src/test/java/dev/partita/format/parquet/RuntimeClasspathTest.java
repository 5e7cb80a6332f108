package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module's runtime class path (as Maven resolves it, written to {@code target/runtime-classpath.txt} by the
 * build) holds no Hadoop: in a class loader made of it alone, {@code org.apache.hadoop.conf.Configuration} does
 * not exist, yet a Parquet file is written, and DuckDB reads it.
 */
class RuntimeClasspathTest {
  @TempDir
  Path dir;

  @Test
  void writesParquetWithoutHadoopOnTheClassPath() throws Exception {
    Path listing = Path.of("target", "runtime-classpath.txt");
    assertThat(listing).as("written by maven-dependency-plugin in generate-test-resources; run through Maven")
        .exists();
    List<URL> urls = new ArrayList<>();
    for (String entry : Files.readString(listing).trim().split(File.pathSeparator)) {
      assertThat(entry).doesNotContainIgnoringCase("hadoop");
      urls.add(Path.of(entry).toUri().toURL());
    }
    urls.add(Path.of("target", "classes").toUri().toURL());
    urls.add(Path.of("target", "test-classes").toUri().toURL());

    Path file = dir.resolve("isolated.parquet");
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration", false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> Class.forName("org.apache.hadoop.fs.Path", false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> writer = Class.forName(ParquetFileWriter.class.getName(), true, loader);
      assertThat(writer.getClassLoader()).isSameAs(loader);
      Class<?> smoke = Class.forName(IsolatedWrite.class.getName(), true, loader);
      assertThat(smoke.getClassLoader()).isSameAs(loader);
      @SuppressWarnings("unchecked")
      BiFunction<String, Integer, Long> write =
          (BiFunction<String, Integer, Long>) smoke.getConstructor().newInstance();
      assertThat(write.apply(file.toString(), 1000)).isEqualTo(1000L);
    }

    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), sum(id), count(name), max(epoch(\"when\")) FROM "
            + Readers.readParquet(file))) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1000);
      assertThat(rs.getLong(2)).isEqualTo(999 * 1000 / 2);
      assertThat(rs.getLong(3)).isEqualTo(666);
      assertThat(rs.getLong(4)).isEqualTo(999);
    }
  }
}
