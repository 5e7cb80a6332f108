import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The DuckDB side of the flights-3m comparison in cli/README.md: the same conversion as
 * {@code bin/partita write --partition-by 'date(date)'} (CSV.gz to Parquet, snappy, one folder per day).
 * Run with {@code java -cp duckdb_jdbc.jar DuckDbCopy.java INPUT.csv.gz OUTPUT_DIR [THREADS]}.
 */
public class DuckDbCopy {
  public static void main(String[] args) throws Exception {
    String in = args[0].replace("'", "''");
    String out = args[1].replace("'", "''");
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      if (args.length > 2) {
        s.execute("SET threads = " + Integer.parseInt(args[2]));
      }
      s.execute("COPY (SELECT *, CAST(date AS DATE) AS date_date FROM read_csv('" + in + "')) TO '" + out
          + "' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (date_date))");
    }
    System.out.printf("duckdb COPY: %.2f s%n", (System.nanoTime() - t0) / 1e9);
  }
}
