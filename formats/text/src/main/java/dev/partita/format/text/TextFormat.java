package dev.partita.format.text;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileFormat;
import dev.partita.format.FormatWriter;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * What the CSV and JSON Lines formats share: a name that is also the file extension, the codec each chunk is
 * compressed with, and the chunk size; each format adds its syntax options and its writer.
 */
abstract class TextFormat implements FileFormat {
  private final String name;
  private final CompressionCodec codec;
  private final DataSize chunkSize;

  TextFormat(String name, Builder<?> b) {
    this.name = name;
    this.codec = b.codec;
    this.chunkSize = b.chunkSize;
  }

  /** The codec each chunk is compressed with. */
  public final CompressionCodec codec() {
    return codec;
  }

  /** The size of the chunks rows are gathered and compressed in. */
  public final DataSize chunkSize() {
    return chunkSize;
  }

  /** The format's name: {@code csv} or {@code json}. */
  @Override
  public final String name() {
    return name;
  }

  /** The name as an extension, then {@code .gz} or {@code .zst} when compressed: {@code .csv.gz}. */
  @Override
  public final String fileSuffix() {
    return "." + name + TextSettings.codecSuffix(codec);
  }

  @Override
  public final FormatWriter open(Schema schema, PositionOutputStream out) throws IOException {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(out, "out");
    return writer(schema, out);
  }

  /** The format's writer of one file. */
  abstract TextFileWriter writer(Schema schema, PositionOutputStream out);

  /** {@code codec=gzip level 6, chunk=256KB}, for {@link #toString()}. */
  final String codecAndChunk() {
    return "codec=" + codec.name() + (codec.level().isPresent() ? " level " + codec.level().getAsInt() : "")
        + ", chunk=" + chunkSize;
  }

  /** The options every text format has; {@code B} is the format's own builder. */
  abstract static class Builder<B extends Builder<B>> {
    private CompressionCodec codec = CompressionCodecs.none();
    private DataSize chunkSize = TextSettings.DEFAULT_CHUNK_SIZE;

    Builder() {}

    abstract B self();

    /** The codec: {@code none} (default), {@code gzip} or {@code zstd}. */
    public final B codec(CompressionCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return self();
    }

    /** The chunk size, 1KB..256MB (default 256KB). */
    public final B chunkSize(DataSize chunkSize) {
      this.chunkSize = Objects.requireNonNull(chunkSize, "chunkSize");
      return self();
    }

    /**
     * Validates the shared options.
     *
     * @throws IllegalArgumentException for a codec other than none, gzip, zstd or a chunk size outside 1KB..256MB
     */
    final void checkShared(String format) {
      TextSettings.checkCodec(format, codec);
      TextSettings.checkChunkSize(format, chunkSize);
    }
  }
}
