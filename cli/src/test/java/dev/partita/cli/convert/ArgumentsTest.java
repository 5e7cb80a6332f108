package dev.partita.cli.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.partition.PartitionField;
import dev.partita.partition.Transform;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --schema}, {@code --partition-by} and {@code --normalize-names}. */
class ArgumentsTest {
  static final Schema S = Schema.builder().optional("ts", DataType.timestamp())
      .optional("Origin State", DataType.string()).optional("id", DataType.int64())
      .optional("a,b", DataType.string()).build();

  @Test
  void schema() {
    Schema s = SchemaArgument.parse("id:int64 not null, price:decimal(10,2), \"a:b\":string,ts:timestamptz");
    assertThat(s.column(0).nullable()).isFalse();
    assertThat(s.column(1).type()).isEqualTo(DataType.decimal(10, 2));
    assertThat(s.column(2).name()).isEqualTo("a:b");
    assertThat(s.column(3).type()).isEqualTo(DataType.timestampTz());
    assertThatThrownBy(() -> SchemaArgument.parse("a")).hasMessageContaining("--schema entry 'a' is not name:type");
    assertThatThrownBy(() -> SchemaArgument.parse("a:int,a:string")).hasMessageContaining("duplicate column name");
  }

  @Test
  void partitionSpecs() {
    List<PartitionField> f = PartitionArgument.parse("y=year(ts),month(ts),Origin State,bucket(16,id),"
        + "t=truncate(2,\"a,b\")", S, ZoneOffset.UTC).fields();
    assertThat(f).containsExactly(
        new PartitionField("y", "ts", Transform.year()),
        new PartitionField("ts_month", "ts", Transform.month()),
        new PartitionField("Origin State", "Origin State", Transform.identity()),
        new PartitionField("id_bucket", "id", Transform.bucket(16)),
        new PartitionField("t", "a,b", Transform.truncate(2)));
    assertThat(PartitionArgument.parse("date(ts)", S, ZoneId.of("Europe/Paris")).timeZone())
        .isEqualTo(ZoneId.of("Europe/Paris"));
    assertThatThrownBy(() -> PartitionArgument.parse("week(ts)", S, ZoneOffset.UTC))
        .hasMessageContaining("--partition-by 'week(ts)': unknown transform 'week'");
    assertThatThrownBy(() -> PartitionArgument.parse("bucket(x,id)", S, ZoneOffset.UTC))
        .hasMessageContaining("--partition-by 'bucket(x,id)'");
    assertThatThrownBy(() -> PartitionArgument.parse("hour(id)", S, ZoneOffset.UTC))
        .hasMessageContaining("--partition-by");
  }

  @Test
  void normalizedNames() {
    assertThat(ColumnNames.normalize(List.of("Cost Total $", "Speed IAS in knots", "flightDate", "HTTPServer",
        "2nd", "", "a b", "A_B", "Émission"))).containsExactly("cost_total", "speed_ias_in_knots", "flight_date",
        "http_server", "c_2nd", "column_6", "a_b", "a_b_2", "émission");
  }
}
