package dev.partita.cli.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code --bad-records} asks for: {@code fail} (stop, commit nothing), {@code skip} (drop and count), or a
 * path where each bad record is written, with its reason, as one JSON object per line (and then dropped).
 */
public final class BadRecordPolicy {
  /** Stop at the first bad record; nothing is committed. */
  public static final BadRecordPolicy FAIL = new BadRecordPolicy(false, null);
  /** Drop bad records and count them. */
  public static final BadRecordPolicy SKIP = new BadRecordPolicy(true, null);

  private final boolean keepGoing;
  private final Path log;

  private BadRecordPolicy(boolean keepGoing, Path log) {
    this.keepGoing = keepGoing;
    this.log = log;
  }

  /** Drop bad records and write each to {@code log} as JSON Lines. */
  public static BadRecordPolicy logTo(Path log) {
    return new BadRecordPolicy(true, Objects.requireNonNull(log, "log"));
  }

  /** {@code fail}, {@code skip}, or a path. */
  public static BadRecordPolicy parse(String text) {
    return switch (text) {
      case "fail" -> FAIL;
      case "skip" -> SKIP;
      default -> {
        if (text.isBlank()) {
          throw new UsageException("--bad-records must be fail, skip or a file path, got an empty value");
        }
        yield logTo(Path.of(text));
      }
    };
  }

  /** Whether the write goes on after a bad record. */
  public boolean keepGoing() {
    return keepGoing;
  }

  /** Where bad records are written, when they are. */
  public Optional<Path> log() {
    return Optional.ofNullable(log);
  }

  @Override
  public String toString() {
    return log != null ? log.toString() : keepGoing ? "skip" : "fail";
  }
}
