package dev.partita.format.orc;

import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Run in a fresh JVM on the module's runtime class path only (see {@link HadoopIsolationTest}): writes one file
 * per codec with stripes flushed early, aborts one more, then prints every thread alive now that was not alive
 * before, as {@code NEW-THREAD <name>}, and {@code DONE}.
 */
public final class ThreadProbe {
  private ThreadProbe() {}

  /** Expects the output directory and the row count. */
  public static void main(String[] args) throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    Path dir = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    Schema schema = probeSchema();
    for (String codec : OrcFormat.supportedCodecs()) {
      OrcFormat format = OrcFormat.builder().codec(codec).bloomFilterColumns("name").build();
      FormatWriter w = format.open(schema, LocalStorage.instance().create(dir.resolve(codec + format.fileSuffix())
          .toString()));
      ObjectArrayRow row = new ObjectArrayRow(schema);
      for (int i = 0; i < rows; i++) {
        w.write(row.wrap(probeRow(i)));
        if (i == rows / 2) {
          w.flush();
        }
      }
      w.finish();
    }
    FormatWriter aborted = OrcFormat.defaults().open(schema,
        LocalStorage.instance().create(dir.resolve("aborted.orc.tmp").toString()));
    aborted.write(new ObjectArrayRow(schema).wrap(probeRow(0)));
    aborted.abort();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t) && t.isAlive()) {
        System.out.println("NEW-THREAD " + t.getName());
      }
    }
    System.out.println("DONE");
  }

  static Schema probeSchema() {
    return Schema.builder().required("id", DataType.int64()).optional("name", DataType.string())
        .optional("ts", DataType.timestamp()).optional("amount", DataType.decimal(20, 2)).build();
  }

  static Object[] probeRow(int i) {
    return new Object[] {(long) i, i % 7 == 0 ? null : "name " + (i % 100), 1_700_000_000_000_000L + i * 1000L,
        i % 11 == 0 ? null : java.math.BigDecimal.valueOf(i * 37L, 2)};
  }
}
