package dev.partita.bench.sales;

import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.util.List;

/**
 * The {@code sales} table of the shared datasets README: column positions, the Partita schema and the value
 * tables the generator draws from.
 */
public final class SalesSchema {
  /** {@code order_id}, int64 required. */
  public static final int ORDER_ID = 0;
  /** {@code ts}, timestamp (micros, UTC), required. */
  public static final int TS = 1;
  /** {@code year}, int32 required, derived from {@code ts}. */
  public static final int YEAR = 2;
  /** {@code month}, int32 required, derived from {@code ts}. */
  public static final int MONTH = 3;
  /** {@code day}, int32 required, derived from {@code ts}. */
  public static final int DAY = 4;
  /** {@code region}, string required, 8 values. */
  public static final int REGION = 5;
  /** {@code product}, string required, 1,000 values. */
  public static final int PRODUCT = 6;
  /** {@code qty}, int32 required, 1..20. */
  public static final int QTY = 7;
  /** {@code price}, double required, 0.00..1000.00. */
  public static final int PRICE = 8;
  /** {@code customer}, string required, {@code cust-} and 8 hex digits. */
  public static final int CUSTOMER = 9;
  /** {@code note}, string optional, null in 90% of rows. */
  public static final int NOTE = 10;

  /** The schema, in column-position order. */
  public static final Schema SCHEMA = Schema.builder()
      .required("order_id", DataType.int64())
      .required("ts", DataType.timestampTz())
      .required("year", DataType.int32())
      .required("month", DataType.int32())
      .required("day", DataType.int32())
      .required("region", DataType.string())
      .required("product", DataType.string())
      .required("qty", DataType.int32())
      .required("price", DataType.float64())
      .required("customer", DataType.string())
      .optional("note", DataType.string())
      .build();

  /** The eight regions. */
  public static final List<String> REGIONS = List.of("us-east", "us-west", "eu-central", "eu-west", "ap-south",
      "ap-northeast", "sa-east", "af-south");

  /** Number of distinct products. */
  public static final int PRODUCTS = 1000;

  /** Number of distinct notes ({@code gift wrap 0} .. {@code gift wrap 99}). */
  public static final int NOTES = 100;

  private SalesSchema() {}
}
