package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.orc.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hadoop stays inside the module: no Hadoop, ORC or protobuf type in the public API; and a writer run in a fresh
 * JVM on exactly the module's runtime class path starts no thread (nor child process), never initializes
 * Hadoop's {@code FileSystem} or {@code Shell}, and leaves no {@code .crc} file next to its output.
 */
class HadoopIsolationTest {
  private static final List<String> FOREIGN = List.of("org.apache.hadoop.", "org.apache.orc.", "com.google.protobuf.",
      "org.apache.hive.");

  @TempDir
  Path dir;

  @Test
  void publicApiHasOnlyPartitaAndJdkTypes() throws Exception {
    Path classes = Path.of(OrcFormat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> publicTypes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name, false, getClass().getClassLoader());
        if (Modifier.isPublic(c.getModifiers())) {
          publicTypes.add(c);
        }
      }
    }
    assertThat(publicTypes).containsExactlyInAnyOrder(OrcFormat.class, OrcFormat.Builder.class,
        OrcFormatProvider.class);

    List<String> leaks = new ArrayList<>();
    for (Class<?> c : publicTypes) {
      check(leaks, c + " superclass", c.getGenericSuperclass());
      for (Type i : c.getGenericInterfaces()) {
        check(leaks, c + " interface", i);
      }
      for (Method m : c.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
          check(leaks, m.toString(), m.getGenericReturnType());
          for (Type t : m.getGenericParameterTypes()) {
            check(leaks, m.toString(), t);
          }
          for (Type t : m.getGenericExceptionTypes()) {
            check(leaks, m.toString(), t);
          }
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
          for (Type t : k.getGenericParameterTypes()) {
            check(leaks, k.toString(), t);
          }
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers())) {
          check(leaks, f.toString(), f.getGenericType());
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static void check(List<String> leaks, String where, Type t) {
    if (t == null) {
      return;
    }
    String name = t.getTypeName();
    for (String prefix : FOREIGN) {
      if (name.contains(prefix)) {
        leaks.add(where + " exposes " + name);
      }
    }
  }

  @Test
  void freshJvmOnRuntimeClassPathStartsNoThreadAndWritesNoCrc() throws Exception {
    Path cpFile = Path.of("target", "runtime-classpath.txt");
    assertThat(cpFile).as("written by maven-dependency-plugin in generate-test-resources").exists();
    String runtime = Files.readString(cpFile).trim();
    assertThat(runtime).contains("orc-core").doesNotContain("junit").doesNotContain("assertj");
    String classes = Path.of(OrcFormat.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    String probe = Path.of(ThreadProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int rows = 3000;
    Process p = new ProcessBuilder(javaBin, "-Xlog:class+init=info", "-cp",
        String.join(File.pathSeparator, classes, probe, runtime), ThreadProbe.class.getName(),
        dir.toString(), Integer.toString(rows))
        .redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> lines = output.lines().toList();
    assertThat(p.exitValue()).as(tail(lines)).isZero();
    assertThat(lines).as(tail(lines)).contains("DONE");
    assertThat(lines.stream().filter(l -> l.startsWith("NEW-THREAD"))).isEmpty();
    // Hadoop's statistics thread and its cache live in FileSystem, and Shell runs child processes: the writer
    // must never initialize them. (The verifier loads FileSystem for Configuration's signatures; loading runs
    // no code.) FSDataOutputStream shows that the log does list the Hadoop classes the writer uses.
    assertThat(lines.stream().filter(l -> l.contains("Initializing 'org/apache/hadoop/fs/FileSystem")
        || l.contains("Initializing 'org/apache/hadoop/util/Shell"))).isEmpty();
    assertThat(lines.stream().filter(l -> l.contains("Initializing 'org/apache/hadoop/fs/FSDataOutputStream'")))
        .hasSize(1);

    List<String> names;
    try (Stream<Path> s = Files.walk(dir)) {
      names = s.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
    }
    List<String> expected = new ArrayList<>();
    for (String codec : OrcFormat.supportedCodecs()) {
      expected.add(codec + OrcFormat.builder().codec(codec).build().fileSuffix());
    }
    expected.add("aborted.orc.tmp");
    assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(names).noneMatch(n -> n.endsWith(".crc"));

    List<Object[]> want = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      want.add(ThreadProbe.probeRow(i));
    }
    for (String codec : OrcFormat.supportedCodecs()) {
      Path f = dir.resolve(expected.get(OrcFormat.supportedCodecs().indexOf(codec)));
      try (Reader r = OrcReadBack.open(f)) {
        assertThat(r.getStripes()).hasSize(2);
        assertThat(OrcReadBack.comparable(OrcReadBack.readAll(r, ThreadProbe.probeSchema())))
        .containsExactlyElementsOf(OrcReadBack.comparable(want));
      }
    }
  }

  private static String tail(List<String> lines) {
    return lines.stream().filter(l -> !l.startsWith("[")).skip(Math.max(0, lines.size() - 40))
        .collect(Collectors.joining("\n"));
  }
}
