package dev.partita.internal;

import java.util.Base64;

/**
 * A minimal streaming JSON writer for Partita's own metadata files (manifests). Handles commas, string escaping
 * and non-finite numbers (written as strings); not a general-purpose JSON library.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private boolean needComma;

  /** Starts an object, as a value or inside an array. */
  public JsonWriter beginObject() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  /** Ends the current object. */
  public JsonWriter endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  /** Starts an array. */
  public JsonWriter beginArray() {
    comma();
    out.append('[');
    needComma = false;
    return this;
  }

  /** Ends the current array. */
  public JsonWriter endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  /** Writes a member name; the next call writes its value. */
  public JsonWriter name(String name) {
    comma();
    string(name);
    out.append(':');
    needComma = false;
    return this;
  }

  /** Writes a value: null, String, Boolean, integral or decimal Number, byte[] (base64); others by toString. */
  public JsonWriter value(Object v) {
    comma();
    if (v == null) {
      out.append("null");
    } else if (v instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      string(d.toString());
    } else if (v instanceof Float f && (f.isNaN() || f.isInfinite())) {
      string(f.toString());
    } else if (v instanceof java.math.BigDecimal d) {
      out.append(d.toPlainString());
    } else if (v instanceof Number n) {
      out.append(n);
    } else if (v instanceof byte[] b) {
      string(Base64.getEncoder().encodeToString(b));
    } else {
      string(v.toString());
    }
    needComma = true;
    return this;
  }

  /** Shorthand for {@code name(name).value(value)}. */
  public JsonWriter field(String name, Object value) {
    return name(name).value(value);
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** The JSON text written so far. */
  @Override
  public String toString() {
    return out.toString();
  }
}
