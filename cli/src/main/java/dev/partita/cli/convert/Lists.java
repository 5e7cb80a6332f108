package dev.partita.cli.convert;

import java.util.ArrayList;
import java.util.List;

/** Splitting of comma-separated option values that may nest commas in parentheses or double quotes. */
final class Lists {
  private Lists() {}

  /** Splits at commas outside parentheses and double quotes; trims the parts; drops empty ones. */
  static List<String> splitTopLevel(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        add(out, cur);
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    add(out, cur);
    return out;
  }

  private static void add(List<String> out, StringBuilder part) {
    String s = part.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  /** The text without one pair of surrounding double quotes. */
  static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
