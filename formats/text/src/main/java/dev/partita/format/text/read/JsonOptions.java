package dev.partita.format.text.read;

import java.util.List;
import java.util.Objects;

/**
 * How {@link JsonReader} reads JSON: which keys are fields, what to do with other keys, and how strictly records
 * are laid out. Immutable; build with {@link #builder()}.
 */
public final class JsonOptions {
  /** How records are laid out in the input. */
  public enum Layout {
    /**
     * JSON Lines, or any objects separated by white space (an object may span lines), or one top-level array of
     * objects. JSON that is not well-formed stops the read ({@link TextInputException}), since the next record
     * cannot be found reliably after it.
     */
    ANY,
    /**
     * Strict JSON Lines: one object per line, blank lines skipped. A line that is not well-formed, that holds
     * another value than an object, or more than one value, is a record with a problem, and reading goes on with
     * the next line.
     */
    LINES
  }

  /** What happens to a key that is not among the known keys. */
  public enum UnknownKeys {
    /** It becomes a new field at the end (the key list grows; for schema inference). */
    ADD,
    /** It is skipped with its value. */
    IGNORE
  }

  /** The default layout. */
  public static final Layout DEFAULT_LAYOUT = Layout.ANY;
  /** The default handling of unknown keys. */
  public static final UnknownKeys DEFAULT_UNKNOWN_KEYS = UnknownKeys.ADD;
  /** Whether key case is ignored by default. */
  public static final boolean DEFAULT_IGNORE_KEY_CASE = false;
  /** Objects as they come: any layout, keys added as they appear, matched exactly. */
  public static final JsonOptions DEFAULT = builder().build();

  private final List<String> keys;
  private final UnknownKeys unknownKeys;
  private final boolean ignoreKeyCase;
  private final Layout layout;

  private JsonOptions(Builder b) {
    this.keys = b.keys;
    this.unknownKeys = b.unknownKeys;
    this.ignoreKeyCase = b.ignoreKeyCase;
    this.layout = b.layout;
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The known keys in field order: field {@code i} of a record is the value of key {@code i}. */
  public List<String> keys() {
    return keys;
  }

  /** What happens to other keys. */
  public UnknownKeys unknownKeys() {
    return unknownKeys;
  }

  /**
   * Whether a key that matches no known key exactly is matched ignoring case (an exact match wins; among keys
   * that differ only in case the first is taken).
   */
  public boolean ignoreKeyCase() {
    return ignoreKeyCase;
  }

  /** How records are laid out. */
  public Layout layout() {
    return layout;
  }

  @Override
  public String toString() {
    return "JsonOptions[keys=" + keys + ", unknownKeys=" + unknownKeys + ", ignoreKeyCase=" + ignoreKeyCase
        + ", layout=" + layout + "]";
  }

  /** Collects {@link JsonOptions}; {@link #build()} validates. */
  public static final class Builder {
    private List<String> keys = List.of();
    private UnknownKeys unknownKeys = DEFAULT_UNKNOWN_KEYS;
    private boolean ignoreKeyCase = DEFAULT_IGNORE_KEY_CASE;
    private Layout layout = DEFAULT_LAYOUT;

    private Builder() {}

    /** The known keys in field order (default none); for example a schema's column names. */
    public Builder keys(List<String> keys) {
      this.keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
      return this;
    }

    /** What happens to other keys (default {@link UnknownKeys#ADD}). */
    public Builder unknownKeys(UnknownKeys unknownKeys) {
      this.unknownKeys = Objects.requireNonNull(unknownKeys, "unknownKeys");
      return this;
    }

    /** Whether to match keys ignoring case when no key matches exactly (default false). */
    public Builder ignoreKeyCase(boolean ignoreKeyCase) {
      this.ignoreKeyCase = ignoreKeyCase;
      return this;
    }

    /** How records are laid out (default {@link Layout#ANY}). */
    public Builder layout(Layout layout) {
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when a key is listed twice
     */
    public JsonOptions build() {
      if (keys.stream().distinct().count() != keys.size()) {
        throw new IllegalArgumentException("json keys must be unique, got " + keys);
      }
      return new JsonOptions(this);
    }
  }
}
