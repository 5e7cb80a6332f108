package dev.partita.cli.input;

/** A byte count written by one thread (the reader) and read by others (progress), without locks. */
public final class ByteMeter {
  private volatile long bytes;

  /** Creates a meter at 0. */
  public ByteMeter() {}

  /** Adds {@code n} bytes; call from one thread only. */
  @SuppressWarnings("NonAtomicOperationOnVolatileField")
  public void add(long n) {
    bytes += n;
  }

  /** The bytes counted so far. */
  public long get() {
    return bytes;
  }
}
