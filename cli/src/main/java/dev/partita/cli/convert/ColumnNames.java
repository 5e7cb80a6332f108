package dev.partita.cli.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Column names as written in the input, and their {@code --normalize-names} form. */
public final class ColumnNames {
  private ColumnNames() {}

  /**
   * {@code snake_case} forms of {@code names}: camelCase split, letters lower-cased, every run of other
   * characters than letters and digits turned into one {@code _}, no {@code _} at either end; a name that
   * starts with a digit gets {@code c_} in front, an empty one becomes {@code column_N}; a name already taken
   * gets {@code _2}, {@code _3}, ... ({@code Cost Total $} becomes {@code cost_total}).
   */
  public static List<String> normalize(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String base = snake(names.get(i));
      if (base.isEmpty()) {
        base = "column_" + (i + 1);
      } else if (Character.isDigit(base.charAt(0))) {
        base = "c_" + base;
      }
      String name = base;
      for (int k = 2; !taken.add(name); k++) {
        name = base + "_" + k;
      }
      out.add(name);
    }
    return out;
  }

  static String snake(String name) {
    StringBuilder b = new StringBuilder();
    boolean gap = false;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        boolean boundary = Character.isUpperCase(cp) && i > 0 && b.length() > 0
            && (Character.isLowerCase(name.codePointBefore(i)) || Character.isDigit(name.codePointBefore(i))
                || next < name.length() && Character.isLowerCase(name.codePointAt(next))
                    && Character.isUpperCase(name.codePointBefore(i)));
        if ((gap || boundary) && b.length() > 0) {
          b.append('_');
        }
        gap = false;
        b.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
      } else {
        gap = true;
      }
      i = next;
    }
    return b.toString();
  }

  /**
   * Where each name of {@code header} sits in {@code columns}.
   *
   * @throws IllegalArgumentException listing the header names that are not columns, and the columns missing
   *     from the header
   */
  public static int[] map(List<String> header, List<String> columns) {
    int[] out = new int[header.size()];
    List<String> unknown = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = columns.indexOf(header.get(i));
      if (out[i] < 0) {
        unknown.add(header.get(i));
      } else if (!present.add(header.get(i))) {
        throw new IllegalArgumentException("the header names column '" + header.get(i) + "' twice");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String c : columns) {
      if (!present.contains(c)) {
        missing.add(c);
      }
    }
    if (!unknown.isEmpty() || !missing.isEmpty()) {
      throw new IllegalArgumentException("the header " + header + " does not match the columns " + columns
          + (unknown.isEmpty() ? "" : "; not columns: " + unknown)
          + (missing.isEmpty() ? "" : "; missing: " + missing));
    }
    return out;
  }
}
