package dev.partita.cli.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.partita.cli.input.BadRecordException;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes bad records as JSON Lines: {@code {"file":..., "line":..., "column":..., "column_name":...,
 * "reason":..., "record":...}}. The file is created (or truncated) when the write starts, so an empty file means
 * no bad records.
 */
final class BadRecordLog implements Closeable {
  private final BufferedWriter out;
  private final JsonGenerator json;

  BadRecordLog(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    this.json = new JsonFactory().createGenerator(out);
    json.setRootValueSeparator(null);
  }

  void write(BadRecordException e) throws IOException {
    json.writeStartObject();
    json.writeStringField("file", e.file());
    json.writeNumberField("line", e.line());
    json.writeNumberField("column", e.column());
    json.writeStringField("column_name", e.columnName());
    json.writeStringField("reason", e.reason());
    json.writeStringField("record", e.record());
    json.writeEndObject();
    json.flush();
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    try {
      json.close();
    } finally {
      out.close();
    }
  }
}
