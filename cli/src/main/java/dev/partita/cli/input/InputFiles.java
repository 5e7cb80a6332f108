package dev.partita.cli.input;

import dev.partita.format.text.read.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Turns the paths given to {@code --input} into the list of files to read, in order. */
public final class InputFiles {
  private InputFiles() {}

  /**
   * Every path as a file; a directory stands for every regular file below it whose name does not start with
   * {@code .} or {@code _}, sorted by path. The format comes from {@code forced} or else the file name.
   *
   * @throws InputException naming a path that does not exist, a directory without files, or a file whose format
   *     the name does not tell
   */
  public static List<InputFile> resolve(List<Path> paths, Optional<InputFormat> forced) {
    List<InputFile> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new InputException("input " + p + " does not exist");
      }
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(p)) {
          files = s.filter(Files::isRegularFile).filter(f -> !hidden(p, f)).sorted().toList();
        } catch (IOException e) {
          throw new InputException("cannot list input directory " + p + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
          throw new InputException("input directory " + p + " holds no files");
        }
        for (Path f : files) {
          out.add(file(f, forced));
        }
      } else if (!Files.isReadable(p)) {
        throw new InputException("input " + p + " cannot be read (permissions)");
      } else {
        out.add(file(p, forced));
      }
    }
    return out;
  }

  private static boolean hidden(Path root, Path f) {
    for (Path seg : root.relativize(f)) {
      String s = seg.toString();
      if (s.startsWith(".") || s.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static InputFile file(Path f, Optional<InputFormat> forced) {
    String name = f.getFileName().toString();
    InputFormat format = forced.or(() -> InputFormat.fromFileName(name)).orElseThrow(() -> new InputException(
        "cannot tell the format of input " + f + " from its name (expected .csv, .tsv, .json, .jsonl or .ndjson,"
            + " optionally with .gz or .zst); pass --input-format csv or --input-format json"));
    long size;
    try {
      size = Files.size(f);
    } catch (IOException e) {
      throw new InputException("cannot read input " + f + ": " + e.getMessage(), e);
    }
    return new InputFile(f, format, Compression.fromFileName(name), size);
  }
}
