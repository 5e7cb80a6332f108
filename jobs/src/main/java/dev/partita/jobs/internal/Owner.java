package dev.partita.jobs.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Lease owner identities, {@code host/pid/start-millis}, and whether one names a process of this host that no
 * longer runs (its lease can then be taken over at once instead of after it expires).
 */
public final class Owner {
  private static final String HOST = host();

  private Owner() {}

  /** This process. */
  public static String current() {
    ProcessHandle self = ProcessHandle.current();
    return HOST + "/" + self.pid() + "/" + start(self).orElse(0L);
  }

  /**
   * True only when {@code owner} names a process on this host that is gone: no process has its pid, or the one
   * that has it started at another time (the pid was reused).
   */
  public static boolean isDeadOnThisHost(String owner) {
    String[] parts = owner.split("/");
    if (parts.length != 3 || !parts[0].equals(HOST)) {
      return false;
    }
    long pid;
    long start;
    try {
      pid = Long.parseLong(parts[1]);
      start = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return true;
    }
    Optional<Long> actual = start(p.get());
    return start != 0 && actual.isPresent() && actual.get() != start;
  }

  private static Optional<Long> start(ProcessHandle p) {
    return p.info().startInstant().map(java.time.Instant::toEpochMilli);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().replace('/', '_');
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown-host" : env.replace('/', '_');
    }
  }
}
