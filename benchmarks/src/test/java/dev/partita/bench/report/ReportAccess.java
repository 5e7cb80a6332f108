package dev.partita.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Test access to the report's package-private parts. */
public final class ReportAccess {
  private ReportAccess() {}

  /** One JSON object. */
  public static Map<String, Object> parseObject(String json) throws IOException {
    return Json.object(Json.parse(json), "test input");
  }

  /** The report of a results directory. */
  public static String markdown(Path dir) throws IOException {
    return Report.load(dir).markdown("", "smoke test");
  }

  /** Cases of a results directory that have a score. */
  public static long measuredCases(Path dir) throws IOException {
    return Report.load(dir).cases().stream().filter(Measurement::measured).count();
  }
}
