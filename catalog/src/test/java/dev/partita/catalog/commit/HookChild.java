package dev.partita.catalog.commit;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.TableId;
import dev.partita.commit.CommitHook;
import dev.partita.row.ObjectArrayRow;
import dev.partita.storage.LocalStorage;
import dev.partita.table.Table;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteMode;
import java.time.LocalDate;

/**
 * A child JVM for the crash and concurrency tests.
 *
 * <ul>
 *   <li>{@code crash <url> <root> <table> before|after}: writes one commit whose hook stops (prints {@code AT}
 *       and waits to be killed) before or after the catalog transaction;
 *   <li>{@code commits <url> <root> <table> <child> <count>}: makes {@code count} small commits, then prints
 *       {@code DONE}.
 * </ul>
 */
public final class HookChild {
  private HookChild() {}

  public static void main(String[] args) throws Exception {
    String url = args[1];
    String root = args[2];
    TableId id = TableId.of(args[3]);
    try (Catalog catalog = Catalogs.open(url)) {
      LocalStorage storage = LocalStorage.withoutSync();
      CatalogCommitHook real = CatalogCommitHook.of(catalog, id, storage);
      if (args[0].equals("crash")) {
        boolean before = args[4].equals("before");
        CommitHook stopping = (writeId, manifest) -> {
          if (!before) {
            real.committed(writeId, manifest);
          }
          System.out.println("AT " + args[4]);
          System.out.flush();
          Thread.sleep(600_000);
        };
        Writes.write(Table.open(storage, root, stopping), WriteMode.APPEND, 1000, 1200);
        System.out.println("NOT KILLED");
        return;
      }
      int child = Integer.parseInt(args[4]);
      int count = Integer.parseInt(args[5]);
      Table table = Table.open(storage, root, real);
      ObjectArrayRow row = new ObjectArrayRow(Writes.SCHEMA);
      for (int i = 0; i < count; i++) {
        try (PartitionedWriter w = table.newWriter(Writes.options(WriteMode.APPEND))) {
          for (int r = 0; r < 3; r++) {
            long n = child * 1_000_000L + i * 10L + r;
            // Partitions shared by every child: 2 regions x 2 years.
            w.write(row.wrap(new Object[] {n, Writes.REGIONS[r % 2], LocalDate.of(2023 + (i + r) % 2, 6, 1),
                (double) n}));
          }
          w.commit();
        }
      }
      System.out.println("DONE");
    }
  }
}
