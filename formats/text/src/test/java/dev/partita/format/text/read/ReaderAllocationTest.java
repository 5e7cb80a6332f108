package dev.partita.format.text.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures heap allocated per record by the readers and the value parsers with the JVM's per-thread allocation
 * counter, after a warm-up: the readers reuse their record, so beyond a fixed amount per file they must allocate
 * next to nothing per record (a single boxed value or a string per record would cost 16 bytes or more).
 */
class ReaderAllocationTest {
  private static final int RECORDS = 100_000;

  @Test
  void csvRecordsAllocateNothing() throws IOException {
    StringBuilder b = new StringBuilder("id,name,when,amount,flag\n");
    for (int i = 0; i < RECORDS; i++) {
      b.append(i).append(",\"name ").append(i % 100).append(", quoted\",2024-03-").append(10 + i % 20)
          .append(" 10:15:30.").append(i % 1000).append(',').append(i * 0.25).append(',').append(i % 2 == 0)
          .append('\n');
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    read(bytes, false);
    double perRecord = read(bytes, false);
    System.out.printf("allocation: %.2f bytes per CSV record%n", perRecord);
    assertThat(perRecord).isLessThan(4.0);
  }

  @Test
  void jsonLinesRecordsAllocateNothing() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < RECORDS; i++) {
      b.append("{\"id\": ").append(i).append(", \"name\": \"name ").append(i % 100).append("\", \"when\": \"2024-03-")
          .append(10 + i % 20).append(" 10:15:30\", \"amount\": ").append(i * 0.25).append(", \"flag\": ")
          .append(i % 2 == 0).append(", \"skipped\": 1}\n");
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    read(bytes, true);
    double perRecord = read(bytes, true);
    System.out.printf("allocation: %.2f bytes per JSON Lines record%n", perRecord);
    assertThat(perRecord).isLessThan(4.0);
  }

  /** Reads every record and parses every field as its type; returns bytes allocated per record. */
  private static double read(byte[] bytes, boolean json) throws IOException {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    RecordReader r = json
        ? new JsonReader("f.json", new ByteArrayInputStream(bytes), JsonOptions.builder()
            .keys(List.of("id", "name", "when", "amount", "flag")).unknownKeys(JsonOptions.UnknownKeys.IGNORE)
            .layout(JsonOptions.Layout.LINES).build())
        : new CsvReader("f.csv", new ByteArrayInputStream(bytes), CsvOptions.DEFAULT);
    if (r instanceof CsvReader c) {
      c.readHeader();
    }
    TextValues.Timestamp ts = new TextValues.Timestamp();
    long sum = 0;
    long before = bean.getThreadAllocatedBytes(thread);
    int n = 0;
    try {
      while (r.next()) {
        TextRecord rec = r.record();
        char[] c = rec.chars();
        sum += TextValues.parseLong(c, rec.start(0), rec.length(0));
        sum += rec.length(1);
        TextValues.parseTimestamp(c, rec.start(2), rec.length(2), ts);
        sum += ts.micros;
        sum += (long) TextValues.parseDouble(c, rec.start(3), rec.length(3));
        sum += TextValues.parseBoolean(c, rec.start(4), rec.length(4), TextValues.Booleans.WORDS) ? 1 : 0;
        n++;
      }
    } catch (ValueException e) {
      throw new AssertionError(e);
    }
    long allocated = bean.getThreadAllocatedBytes(thread) - before;
    r.close();
    assertThat(n).isEqualTo(RECORDS);
    assertThat(sum).isNotZero();
    return allocated / (double) n;
  }
}
