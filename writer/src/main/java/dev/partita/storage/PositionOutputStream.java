package dev.partita.storage;

import java.io.OutputStream;

/** An output stream that knows how many bytes it has taken, which file formats need for offsets. */
public abstract class PositionOutputStream extends OutputStream {

  /** Bytes written to this stream so far. */
  public abstract long position();
}
