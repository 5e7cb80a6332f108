package dev.partita.bench;

import java.lang.management.ManagementFactory;

/** CPU time of the whole process (every thread: writer, GC, compiler, DuckDB's workers). */
final class ProcessCpu {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ProcessCpu() {}

  /** Nanoseconds of CPU the process used so far. */
  static long nanos() {
    return OS.getProcessCpuTime();
  }
}
