package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.jobs.internal.TextColumns;
import dev.partita.jobs.transform.RowBuffer;
import dev.partita.row.InvalidRowException;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Text values typed into a source's rows: dates and timestamps agree with java.time on every shape they accept,
 * and values that do not parse or fit are bad rows naming the row, the column and the text.
 */
class TextColumnsTest {
  private static final Schema SCHEMA = Schema.builder().optional("d", DataType.date())
      .optional("ts", DataType.timestamp()).optional("tz", DataType.timestampTz()).build();

  @Test
  void datesAndTimestampsAgreeWithJavaTime() {
    RowBuffer row = new RowBuffer(SCHEMA);
    TextColumns values = new TextColumns(SCHEMA);
    SplittableRandom random = new SplittableRandom(7);
    DateTimeFormatter[] shapes = {DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS")};
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L);
      LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, random.nextInt(1_000_000_000), ZoneOffset.UTC);
      String date = t.toLocalDate().toString();
      values.parse(date, row, 0, 1);
      assertThat(row.getInt(0)).as(date).isEqualTo((int) LocalDate.parse(date).toEpochDay());
      String text = t.format(shapes[i % shapes.length]);
      LocalDateTime back = LocalDateTime.parse(text.replace(' ', 'T'));
      Instant expected = back.toInstant(ZoneOffset.UTC);
      long micros = Math.addExact(Math.multiplyExact(expected.getEpochSecond(), 1_000_000L), expected.getNano() / 1000);
      values.parse(text, row, 1, 1);
      assertThat(row.getLong(1)).as(text).isEqualTo(micros);
      values.parse(text + "Z", row, 2, 1);
      assertThat(row.getLong(2)).as(text + "Z").isEqualTo(micros);
    }
  }

  @Test
  void invalidDatesAndOffsetsOnLocalTimestampsAreBad() {
    RowBuffer row = new RowBuffer(SCHEMA);
    TextColumns values = new TextColumns(SCHEMA);
    for (String bad : new String[] {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-1", "20240101"}) {
      assertThatThrownBy(() -> values.parse(bad, row, 0, 3)).isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("row 3, column 'd': cannot read '" + bad + "' as date");
    }
    values.parse("2024-02-29", row, 0, 1);
    assertThat(row.getInt(0)).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
    assertThatThrownBy(() -> values.parse("2024-01-01 10:00:00Z", row, 1, 1))
        .isInstanceOf(InvalidRowException.class).hasMessageContaining("cannot carry an offset");
    assertThatThrownBy(() -> values.parse("2024-01-01 24:00:00", row, 1, 1))
        .isInstanceOf(InvalidRowException.class);
    values.parse("2024-01-01T10:00:00+01:00", row, 2, 1);
    assertThat(row.getLong(2)).isEqualTo(Instant.parse("2024-01-01T09:00:00Z").getEpochSecond() * 1_000_000L);
  }
}
