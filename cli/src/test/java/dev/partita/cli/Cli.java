package dev.partita.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code partita} in-process with captured stdout and stderr. */
final class Cli {
  private Cli() {}

  /** The outcome of one run. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Result run(Object... args) {
    String[] a = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = String.valueOf(args[i]);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Partita.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(a);
    return new Result(exit, out.toString(), err.toString());
  }

  /** The folder of the shared datasets (system property {@code partita.datasets}, else ../shared/datasets). */
  static Path datasets() {
    String p = System.getProperty("partita.datasets");
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("../shared/datasets").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared datasets not found; set -Dpartita.datasets=/path/to/shared/datasets");
  }

  static Path dataset(String name) {
    return datasets().resolve(name);
  }
}
