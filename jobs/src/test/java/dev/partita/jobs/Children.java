package dev.partita.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link CrashChild} JVMs and kills them at a chosen step. */
final class Children {
  private Children() {}

  /** How a child ended. */
  record Outcome(boolean killed, String killedAt, int exitCode, List<String> output) {
    boolean done() {
      return !killed && exitCode == 0;
    }
  }

  static ProcessBuilder builder(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path")));
    String datasets = System.getProperty("partita.datasets");
    if (datasets != null) {
      cmd.add("-Dpartita.datasets=" + datasets);
    }
    cmd.add(CrashChild.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true);
  }

  /** Runs a child to its end, or until it halts at its kill step and is then killed ({@code destroyForcibly}). */
  static Outcome run(String... args) throws IOException, InterruptedException {
    Process p = builder(args).start();
    List<String> lines = new ArrayList<>();
    String lastStep = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
        if (line.startsWith("STEP ")) {
          lastStep = line.substring(line.indexOf(' ', 5) + 1);
        }
        if (line.equals("HALT")) {
          p.destroyForcibly();
          p.waitFor(30, TimeUnit.SECONDS);
          return new Outcome(true, lastStep, -1, lines);
        }
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("child did not end: " + lines);
    }
    return new Outcome(false, null, p.exitValue(), lines);
  }
}
