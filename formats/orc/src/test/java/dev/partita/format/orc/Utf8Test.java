package dev.partita.format.orc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The allocation-free UTF-8 encoder produces exactly the JDK's bytes, unpaired surrogates included. */
class Utf8Test {
  @Test
  void matchesTheJdkOnRandomAndEdgeStrings() {
    Random r = new Random(7);
    String[] fixed = {"", "a", "é", "€", "😀", "\uD83D", "\uDE00", "x\uD83Dy", "\uDE00\uD83D", "\u0000", "\u07FF",
        "\u0800", "\uFFFF", "\uD800\uDC00", "\uDBFF\uDFFF"};
    for (String s : fixed) {
      check(s);
    }
    for (int i = 0; i < 20_000; i++) {
      char[] cs = new char[r.nextInt(12)];
      for (int j = 0; j < cs.length; j++) {
        int k = r.nextInt(5);
        cs[j] = (char) (k == 0 ? r.nextInt(0x80) : k == 1 ? r.nextInt(0x800) : k == 2 ? 0xD800 + r.nextInt(0x800)
            : r.nextInt(0x10000));
      }
      check(new String(cs));
    }
  }

  private static void check(String s) {
    byte[] want = s.getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8.encodedLength(s)).as(s).isEqualTo(want.length);
    byte[] got = new byte[want.length + 4];
    int end = Utf8.encode(s, got, 2);
    assertThat(end).isEqualTo(2 + want.length);
    assertThat(Arrays.copyOfRange(got, 2, end)).as(s).isEqualTo(want);
  }
}
