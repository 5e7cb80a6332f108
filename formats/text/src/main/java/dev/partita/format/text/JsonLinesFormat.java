package dev.partita.format.text;

import dev.partita.DataSize;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;

/**
 * JSON Lines files: one JSON object per row and line, keys the column names in schema order, UTF-8, lines
 * ended by {@code \n}.
 *
 * <p>Values: booleans and numbers as JSON literals (integers in decimal, floats by {@link Float#toString} and
 * {@link Double#toString}, decimals as plain numbers such as {@code -12.50}); because JSON has no NaN or
 * infinities, those are written as the <em>strings</em> {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}. Strings are escaped ({@code \"}, {@code \\}, control characters as
 * {@code \}{@code u00XX}; other characters as UTF-8, an unpaired surrogate as {@code ?}). Dates
 * ({@code "2024-03-05"}), times ({@code "10:15:30.123456"}), timestamps ({@code "2024-03-05T10:15:30.123456Z"}
 * when UTC-adjusted, without {@code Z} when local) and binary (standard base64) are strings. Nulls are written
 * as {@code null}, or the key is left out ({@link Builder#writeNulls}).
 *
 * <p>Compression works as for {@link CsvFormat}: {@code none}, {@code gzip} ({@code .json.gz}) or {@code zstd}
 * ({@code .json.zst}). Instances are immutable; build them with {@link #builder()} or by name with the
 * {@code json} provider.
 */
public final class JsonLinesFormat extends TextFormat {
  /** Whether null values are written as {@code "key":null} by default (rather than left out). */
  public static final boolean DEFAULT_WRITE_NULLS = true;
  /** The default size of the chunks rows are gathered (and compressed) in. */
  public static final DataSize DEFAULT_CHUNK_SIZE = TextSettings.DEFAULT_CHUNK_SIZE;

  private final boolean writeNulls;

  private JsonLinesFormat(Builder b) {
    super("json", b);
    this.writeNulls = b.writeNulls;
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether nulls are written as {@code null} (true) or their keys left out (false). */
  public boolean writeNulls() {
    return writeNulls;
  }

  @Override
  TextFileWriter writer(Schema schema, PositionOutputStream out) {
    return new JsonLinesWriter(this, schema, out);
  }

  @Override
  public String toString() {
    return "json(nulls=" + (writeNulls ? "write" : "omit") + ", " + codecAndChunk() + ")";
  }

  /** Collects the options of a {@link JsonLinesFormat}; {@link #build()} validates them. */
  public static final class Builder extends TextFormat.Builder<Builder> {
    private boolean writeNulls = DEFAULT_WRITE_NULLS;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Write nulls as {@code null} (true, the default) or leave their keys out (false). */
    public Builder writeNulls(boolean writeNulls) {
      this.writeNulls = writeNulls;
      return this;
    }

    /**
     * The format.
     *
     * @throws IllegalArgumentException for a codec other than none, gzip, zstd or a chunk size outside
     *     1KB..256MB
     */
    public JsonLinesFormat build() {
      checkShared("json");
      return new JsonLinesFormat(this);
    }
  }
}
