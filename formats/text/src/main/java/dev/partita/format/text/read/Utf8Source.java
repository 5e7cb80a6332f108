package dev.partita.format.text.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Decodes UTF-8 into caller-provided char arrays. Unlike {@link java.io.InputStreamReader}, an invalid byte
 * sequence does not lose the characters before it: it is replaced by U+FFFD and its character offset is queued,
 * so that the parser can mark exactly the record (line, field) that holds it.
 */
final class Utf8Source {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final ArrayDeque<Long> errors = new ArrayDeque<>();
  private boolean eof;
  private boolean flushed;
  private boolean pendingReplacement;
  private long delivered;

  Utf8Source(InputStream in) {
    this.in = in;
  }

  /**
   * Decodes at most {@code max} (at least 2) chars into {@code dst} from {@code off}.
   *
   * @return the number of chars, at least 1, or -1 at the end of the input
   */
  int read(char[] dst, int off, int max) throws IOException {
    CharBuffer out = CharBuffer.wrap(dst, off, max);
    if (pendingReplacement) {
      out.put('\uFFFD');
      pendingReplacement = false;
    }
    while (true) {
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        errors.add(delivered + (out.position() - off));
        bytes.position(bytes.position() + r.length());
        if (out.hasRemaining()) {
          out.put('\uFFFD');
        } else {
          pendingReplacement = true;
        }
        continue;
      }
      int produced = out.position() - off;
      if (r.isOverflow() || produced > 0) {
        delivered += produced;
        return produced;
      }
      if (eof) {
        if (!flushed) {
          flushed = true;
          decoder.flush(out);
          produced = out.position() - off;
          if (produced > 0) {
            delivered += produced;
            return produced;
          }
        }
        return -1;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
  }

  /** The offset of the first invalid sequence not yet taken, or -1. */
  long peekError() {
    Long e = errors.peek();
    return e == null ? -1 : e;
  }

  /** Drops the first queued invalid sequence. */
  void takeError() {
    errors.poll();
  }

  void close() throws IOException {
    in.close();
  }
}
