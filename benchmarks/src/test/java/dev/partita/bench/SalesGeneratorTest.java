package dev.partita.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.bench.sales.SalesGenerator;
import dev.partita.bench.sales.SalesOrder;
import dev.partita.bench.sales.SalesRow;
import dev.partita.bench.sales.SalesSchema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generator makes the {@code sales} table of the datasets README, deterministically. */
class SalesGeneratorTest {

  @Test
  void sameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    assertThat(snapshot(7, 500)).isEqualTo(snapshot(7, 500));
    assertThat(snapshot(7, 500)).isNotEqualTo(snapshot(8, 500));
  }

  @ParameterizedTest
  @EnumSource(SalesOrder.class)
  void valuesFollowTheDatasetDefinition(SalesOrder order) {
    int rows = 50_000;
    SalesGenerator g = new SalesGenerator(42, rows, order);
    SalesRow r = g.salesRow();
    Set<String> months = new HashSet<>();
    Set<String> products = new HashSet<>();
    Set<String> regions = new HashSet<>();
    long notes = 0;
    long n = 0;
    long lastTs = Long.MIN_VALUE;
    int lastProduct = -1;
    while (g.next()) {
      assertThat(r.getLong(SalesSchema.ORDER_ID)).isEqualTo(n);
      long ts = r.getLong(SalesSchema.TS);
      assertThat(ts).isBetween(SalesGenerator.START_MICROS, SalesGenerator.END_MICROS - 1);
      ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000L)).atZone(ZoneOffset.UTC);
      assertThat(r.getInt(SalesSchema.YEAR)).isEqualTo(t.getYear());
      assertThat(r.getInt(SalesSchema.MONTH)).isEqualTo(t.getMonthValue());
      assertThat(r.getInt(SalesSchema.DAY)).isEqualTo(t.getDayOfMonth());
      months.add(t.getYear() + "-" + t.getMonthValue());
      regions.add(r.getString(SalesSchema.REGION));
      String product = r.getString(SalesSchema.PRODUCT);
      assertThat(product).isEqualTo("product-" + r.productIndex());
      products.add(product);
      assertThat(r.getInt(SalesSchema.QTY)).isBetween(1, 20);
      double price = r.getDouble(SalesSchema.PRICE);
      assertThat(price).isBetween(0.0, 1000.0);
      assertThat(Math.abs(price * 100 - Math.round(price * 100))).isLessThan(1e-6);
      assertThat(r.getString(SalesSchema.CUSTOMER)).matches("cust-[0-9a-f]{8}");
      if (!r.isNull(SalesSchema.NOTE)) {
        notes++;
        assertThat(r.getString(SalesSchema.NOTE)).matches("gift wrap [0-9]{1,2}");
      }
      if (order == SalesOrder.BY_TIME) {
        assertThat(ts).isGreaterThanOrEqualTo(lastTs);
      }
      if (order == SalesOrder.BY_PRODUCT) {
        assertThat(r.productIndex()).isGreaterThanOrEqualTo(lastProduct);
      }
      lastTs = ts;
      lastProduct = r.productIndex();
      n++;
    }
    assertThat(n).isEqualTo(rows);
    assertThat(months).hasSize(24);
    assertThat(products).hasSize(SalesSchema.PRODUCTS);
    assertThat(regions).containsExactlyInAnyOrderElementsOf(SalesSchema.REGIONS);
    assertThat((double) notes / rows).isBetween(0.09, 0.11);
  }

  private static List<String> snapshot(long seed, int rows) {
    SalesGenerator g = new SalesGenerator(seed, rows, SalesOrder.RANDOM);
    SalesRow r = g.salesRow();
    List<String> out = new ArrayList<>();
    while (g.next()) {
      out.add(r.getLong(0) + "," + r.getLong(1) + "," + r.getString(5) + "," + r.getString(6) + ","
          + r.getInt(7) + "," + r.getDouble(8) + "," + r.getString(9) + "," + r.getString(10));
    }
    return out;
  }
}
