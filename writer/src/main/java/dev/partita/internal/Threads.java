package dev.partita.internal;

/** Thread helpers shared by Partita's own threads (writer workers, commit helpers). */
public final class Threads {
  private Threads() {}

  /**
   * Waits until {@code t} has ended, even when interrupted (work it still does would outlive the caller's cleanup);
   * the interrupt is restored afterwards.
   */
  public static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
