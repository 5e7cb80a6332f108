package dev.partita.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.schema.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, parsing, equality and type applicability of transforms. */
class TransformTest {

  @Test
  void namesAndToString() {
    assertThat(Transform.identity().name()).isEqualTo("identity");
    assertThat(Transform.year()).hasToString("year");
    assertThat(Transform.bucket(16)).hasToString("bucket[16]");
    assertThat(Transform.bucket(16).name()).isEqualTo("bucket");
    assertThat(Transform.truncate(4)).hasToString("truncate[4]");
    assertThat(Transform.truncate(4).parameter()).isEqualTo(4);
  }

  @Test
  void parseAcceptsBracketsParenthesesAndAnyCase() {
    for (Transform t : List.of(Transform.identity(), Transform.year(), Transform.month(), Transform.day(),
        Transform.hour(), Transform.date(), Transform.bucket(16), Transform.truncate(4))) {
      assertThat(Transform.parse(t.toString())).isEqualTo(t);
      assertThat(Transform.parse(t.toString().toUpperCase())).isEqualTo(t);
    }
    assertThat(Transform.parse("bucket(16)")).isEqualTo(Transform.bucket(16));
    assertThat(Transform.parse(" truncate( 4 ) ")).isEqualTo(Transform.truncate(4));
    assertThat(Transform.bucket(16)).isNotEqualTo(Transform.bucket(17)).isNotEqualTo(Transform.truncate(16));
    assertThat(Transform.bucket(16).hashCode()).isEqualTo(Transform.parse("bucket[16]").hashCode());
  }

  @Test
  void parseRejectsUnknownAndBadArguments() {
    assertThatThrownBy(() -> Transform.parse("weekday")).hasMessageContaining("unknown transform 'weekday'")
        .hasMessageContaining("bucket[N]");
    assertThatThrownBy(() -> Transform.parse("bucket")).hasMessageContaining("unknown transform");
    assertThatThrownBy(() -> Transform.parse("bucket[x]")).hasMessageContaining("'x' is not an integer");
    assertThatThrownBy(() -> Transform.parse("bucket[0]")).hasMessageContaining("bucket count must be in 1..");
    assertThatThrownBy(() -> Transform.parse("year[3]")).hasMessageContaining("unknown transform");
    assertThatThrownBy(() -> Transform.parse("bucket[3)")).hasMessageContaining("unknown transform");
    assertThatThrownBy(() -> Transform.truncate(-1)).hasMessage("truncate width must be in 1..2147483647, got -1");
  }

  @Test
  void resultTypes() {
    assertThat(Transform.identity().resultType(DataType.decimal(10, 2))).isEqualTo(DataType.decimal(10, 2));
    assertThat(Transform.year().resultType(DataType.date())).isEqualTo(DataType.int32());
    assertThat(Transform.month().resultType(DataType.timestampTz())).isEqualTo(DataType.int32());
    assertThat(Transform.hour().resultType(DataType.timestamp())).isEqualTo(DataType.int32());
    assertThat(Transform.date().resultType(DataType.timestampTz())).isEqualTo(DataType.date());
    assertThat(Transform.bucket(8).resultType(DataType.string())).isEqualTo(DataType.int32());
    assertThat(Transform.truncate(8).resultType(DataType.int64())).isEqualTo(DataType.int64());
    assertThat(Transform.truncate(8).resultType(DataType.int8())).isEqualTo(DataType.int32());
    assertThat(Transform.truncate(8).resultType(DataType.string())).isEqualTo(DataType.string());
  }

  @Test
  void notApplicableNamesTransformAndType() {
    assertThatThrownBy(() -> Transform.identity().resultType(DataType.binary()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identity").hasMessageContaining("binary");
    assertThatThrownBy(() -> Transform.year().resultType(DataType.string()))
        .hasMessageContaining("year").hasMessageContaining("string");
    assertThatThrownBy(() -> Transform.hour().resultType(DataType.date()))
        .hasMessageContaining("hour").hasMessageContaining("date");
    assertThatThrownBy(() -> Transform.bucket(4).resultType(DataType.float64()))
        .hasMessageContaining("bucket[4]").hasMessageContaining("double");
    assertThatThrownBy(() -> Transform.truncate(4).resultType(DataType.timestamp()))
        .hasMessageContaining("truncate[4]").hasMessageContaining("timestamp");
  }
}
