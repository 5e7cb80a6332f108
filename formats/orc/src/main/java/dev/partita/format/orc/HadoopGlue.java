package dev.partita.format.orc;

import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Key;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.orc.MemoryManager;
import org.apache.orc.impl.HadoopShims;
import org.apache.orc.impl.KeyProvider;
import org.apache.orc.impl.LocalKey;

/**
 * The little of Hadoop that orc-core's writer needs, kept away from Hadoop's file systems: a
 * {@link FSDataOutputStream} over Partita's stream (no {@code FileSystem}, so no cache entry, no {@code .crc}
 * file and no statistics thread), an empty {@link Configuration} that reads no XML, a memory manager that
 * leaves each writer alone, and a key provider that keeps Hadoop's key-provider lookup (and its shell) away.
 */
final class HadoopGlue {
  /** The name the writer reports to its memory manager; it never reaches a file system. */
  static final Path PLACEHOLDER_PATH = new Path("partita-stream.orc");

  private HadoopGlue() {}

  /** A configuration without {@code core-default.xml} or {@code core-site.xml}: only what we set. */
  static Configuration emptyConfiguration() {
    return new Configuration(false);
  }

  /**
   * Wraps {@code out} for ORC's physical writer. Positions count from 0 at this call. Closing the wrapper closes
   * {@code out} once; further closes do nothing.
   */
  static FSDataOutputStream wrap(PositionOutputStream out) {
    return new FSDataOutputStream(new OnceClosing(out), null);
  }

  /**
   * A memory manager that never asks a writer to shrink its stripes. orc-core's default one is a JVM-wide
   * singleton that scales every open writer's stripe size down when many are open; Partita's own memory budget
   * calls {@link dev.partita.format.FormatWriter#flush()} instead, so each writer keeps its configured stripe
   * size. Stateless, so one instance serves all writers.
   */
  static final MemoryManager SOLO_MEMORY_MANAGER = new MemoryManager() {
    @Override
    public void addWriter(Path path, long requestedAllocation, Callback callback) {}

    @Override
    public void removeWriter(Path path) {}

    @Override
    @Deprecated
    public void addedRow(int rows) {}

    @Override
    public long checkMemory(long previousAllocation, Callback writer) {
      return previousAllocation;
    }
  };

  /**
   * A key provider without keys. Partita encrypts no columns; without a provider of its own, orc-core looks one
   * up through Hadoop's {@code KeyProviderFactory}, whose class loading runs Hadoop's {@code Shell} and with it a
   * {@code setsid} child process (and the JDK's process reaper thread).
   */
  static final KeyProvider NO_KEYS = new KeyProvider() {
    @Override
    public List<String> getKeyNames() {
      return List.of();
    }

    @Override
    public HadoopShims.KeyMetadata getCurrentKeyVersion(String keyName) {
      throw new UnsupportedOperationException("Partita writes no encrypted ORC columns; no key '" + keyName + "'");
    }

    @Override
    public LocalKey createLocalKey(HadoopShims.KeyMetadata key) {
      throw new UnsupportedOperationException("Partita writes no encrypted ORC columns");
    }

    @Override
    public Key decryptLocalKey(HadoopShims.KeyMetadata key, byte[] encryptedKey) {
      throw new UnsupportedOperationException("Partita writes no encrypted ORC columns");
    }

    @Override
    public HadoopShims.KeyProviderKind getKind() {
      return HadoopShims.KeyProviderKind.UNKNOWN;
    }
  };

  /** Forwards to a Partita stream and closes it at most once. */
  static final class OnceClosing extends OutputStream {
    private final PositionOutputStream out;
    private boolean closed;

    OnceClosing(PositionOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }
  }
}
