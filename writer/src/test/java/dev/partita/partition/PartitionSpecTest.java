package dev.partita.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Building specs: default names, validation, derived schemas. */
class PartitionSpecTest {
  private static final Schema SCHEMA = Schema.builder()
      .required("order_id", DataType.int64())
      .required("date", DataType.date())
      .required("ts", DataType.timestampTz())
      .required("region", DataType.string())
      .required("customer", DataType.string())
      .optional("payload", DataType.binary())
      .optional("year", DataType.int32())
      .build();

  @Test
  void defaultNamesAndDerivedSchemas() {
    PartitionSpec spec = PartitionSpec.builder(SCHEMA)
        .year("date").month("date").identity("region").bucket(16, "customer").truncate(100, "order_id").date("ts")
        .build();
    assertThat(spec.fields()).extracting(PartitionField::name)
        .containsExactly("date_year", "date_month", "region", "customer_bucket", "order_id_truncate", "ts_date");
    assertThat(spec.fields().get(3)).isEqualTo(new PartitionField("customer_bucket", "customer",
        Transform.bucket(16)));
    assertThat(spec.sourceColumns()).containsExactly("region");
    assertThat(spec.dataSchema().columns()).extracting(Column::name)
        .containsExactly("order_id", "date", "ts", "customer", "payload", "year");
    assertThat(spec.partitionSchema().columns()).containsExactly(
        Column.optional("date_year", DataType.int32()),
        Column.optional("date_month", DataType.int32()),
        Column.optional("region", DataType.string()),
        Column.optional("customer_bucket", DataType.int32()),
        Column.optional("order_id_truncate", DataType.int64()),
        Column.optional("ts_date", DataType.date()));
    assertThat(spec.timeZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(spec.isUnpartitioned()).isFalse();
    assertThat(spec.newKey().size()).isEqualTo(6);
  }

  @Test
  void unpartitioned() {
    PartitionSpec spec = PartitionSpec.unpartitioned(SCHEMA);
    assertThat(spec.isUnpartitioned()).isTrue();
    assertThat(spec.fields()).isEmpty();
    assertThat(spec.sourceColumns()).isEmpty();
    assertThat(spec.partitionSchema().size()).isZero();
    assertThat(spec).isEqualTo(PartitionSpec.builder(SCHEMA).build());
    PartitionKey key = spec.newKey();
    assertThat(key.size()).isZero();
    assertThat(PartitionPaths.of(spec).path(key)).isEmpty();
    assertThat(PartitionPaths.of(spec).parse("")).isEmpty();
  }

  @Test
  void equalityByValue() {
    PartitionSpec a = PartitionSpec.builder(SCHEMA).month("ts").timeZone(ZoneId.of("Europe/Paris")).build();
    PartitionSpec b = PartitionSpec.builder(SCHEMA).month("ts").timeZone(ZoneId.of("Europe/Paris")).build();
    PartitionSpec c = PartitionSpec.builder(SCHEMA).month("ts").build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
  }

  @Test
  void validationNamesTheFieldAndTheRule() {
    assertThatThrownBy(() -> PartitionSpec.builder(SCHEMA).identity("nope").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'nope'");
    assertThatThrownBy(() -> PartitionSpec.builder(SCHEMA).year("region").build())
        .hasMessageContaining("partition field 'region_year'").hasMessageContaining("year")
        .hasMessageContaining("string");
    assertThatThrownBy(() -> PartitionSpec.builder(SCHEMA).identity("payload").build())
        .hasMessageContaining("partition field 'payload'").hasMessageContaining("binary");
    assertThatThrownBy(() -> PartitionSpec.builder(SCHEMA).month("date").add("date_month", Transform.day(), "date")
        .build()).hasMessageContaining("duplicate partition field name 'date_month'");
    assertThatThrownBy(() -> PartitionSpec.builder(SCHEMA).add("year", Transform.year(), "date").build())
        .hasMessageContaining("'year' collides with data column 'year'");
    assertThatThrownBy(() -> PartitionSpec.builder(SCHEMA).add("customer", Transform.identity(), "region").build())
        .hasMessageContaining("collides with data column 'customer'");
    assertThatThrownBy(() -> PartitionSpec.builder(SCHEMA).identity("region").add("r", Transform.identity(),
        "region").build()).hasMessageContaining("repeats transform identity of column 'region'");
    assertThatThrownBy(() -> new PartitionField("", "region", Transform.identity()))
        .hasMessageContaining("name must not be empty");
  }

  @Test
  void identityUnderAnotherNameIsAllowed() {
    PartitionSpec spec = PartitionSpec.builder(SCHEMA).add("r", Transform.identity(), "region").build();
    assertThat(spec.sourceColumns()).containsExactly("region");
    assertThat(spec.partitionSchema().column(0)).isEqualTo(Column.optional("r", DataType.string()));
  }
}
