package dev.partita.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and bad options: each gets a message naming the file, line and column (or the option), the
 * documented exit code (1 bad input, 2 usage), and leaves nothing visible: the table directory that the write
 * would have created does not exist afterwards.
 */
class BadInputTest {
  @TempDir
  Path tmp;

  private Path file(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private Cli.Result write(Object... more) {
    Object[] args = new Object[more.length + 3];
    args[0] = "write";
    args[1] = "--output";
    args[2] = tmp.resolve("table");
    System.arraycopy(more, 0, args, 3, more.length);
    return Cli.run(args);
  }

  private void assertNothingWritten() {
    assertThat(tmp.resolve("table")).doesNotExist();
  }

  @Test
  void unbalancedQuoteNamesLineAndColumn() throws IOException {
    Path in = file("q.csv", "a,b\n1,x\n2,\"never closed\n3,z\n");
    Cli.Result r = write("--input", in);
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains(in + ", line 3, column 2 (b): the quoted field starting at line 3 has no closing"
        + " quote");
    assertNothingWritten();
  }

  @Test
  void textAfterClosingQuoteIsMalformed() throws IOException {
    Path in = file("q.csv", "a,b\n1,\"x\"y\n");
    Cli.Result r = write("--input", in);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(", line 2, column 2 (b): unexpected character 'y' after the closing quote");
    assertNothingWritten();
  }

  @Test
  void tooManyAndTooFewFields() throws IOException {
    Path many = file("many.csv", "a,b\n1,2\n3,4,5\n");
    Cli.Result r = write("--input", many);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(many + ", line 3: expected 2 fields (as the header has), found 3");
    assertNothingWritten();

    Path few = file("few.csv", "a,b,c\n1,2,3\n\n4,5\n");
    r = write("--input", few);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(few + ", line 4: expected 3 fields (as the header has), found 2");
    assertNothingWritten();
  }

  @Test
  void valueThatDoesNotParseAsTheSchemaType() throws IOException {
    Path in = file("t.csv", "id,when\n1,2024-01-02\n2,2024-02-30\n");
    Cli.Result r = write("--input", in, "--schema", "id:int64,when:date");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(in + ", line 3, column 2 (when): '2024-02-30' is not a valid calendar date");
    assertNothingWritten();

    // Past the inference sample: the sample says int64, a later row says otherwise.
    Path late = file("late.csv", "id,n\n1,10\n2,20\n3,thirty\n");
    r = write("--input", late, "--sample-rows", "2");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(late + ", line 4, column 2 (n): 'thirty' is not an integer");
    assertNothingWritten();

    Path range = file("range.csv", "small\n1\n300\n");
    r = write("--input", range, "--schema", "small:int8");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("line 3, column 1 (small): 300 is out of the int8 range -128..127");
  }

  @Test
  void invalidUtf8NamesItsLine() throws IOException {
    Path in = tmp.resolve("bad.csv");
    byte[] head = "a,b\n1,ok\n2,caf".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\n3,fine\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) 0xC3; // a lead byte followed by a byte that is no continuation
    all[head.length + 1] = (byte) 0x28;
    System.arraycopy(tail, 0, all, head.length + 2, tail.length);
    Files.write(in, all);
    Cli.Result r = write("--input", in);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(in + ", line 3, column 2 (b): invalid UTF-8 byte sequence");
    assertNothingWritten();
  }

  @Test
  void emptyFiles() throws IOException {
    Path csv = file("empty.csv", "");
    Cli.Result r = write("--input", csv);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(csv + " is empty");
    assertNothingWritten();

    Path json = file("empty.jsonl", "");
    r = write("--input", json);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(json + " is empty");
    assertNothingWritten();

    Path noHeader = file("empty2.csv", "");
    r = write("--input", noHeader, "--no-header", "--schema", "a:int64");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(noHeader + " is empty");
    assertNothingWritten();
  }

  @Test
  void missingInput() {
    Path missing = tmp.resolve("nope.csv");
    Cli.Result r = write("--input", missing);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("input " + missing + " does not exist");
    assertNothingWritten();
  }

  @Test
  void outputThatIsAFile() throws IOException {
    Path in = file("a.csv", "a\n1\n");
    Path out = file("table", "not a directory");
    Cli.Result r = Cli.run("write", "--input", in, "--output", out);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("--output " + out + " exists and is not a directory");
    assertThat(Files.readString(out)).isEqualTo("not a directory");
  }

  @Test
  void partitionColumnThatDoesNotExistIsAUsageError() throws IOException {
    Path in = file("a.csv", "a,b\n1,2\n");
    Cli.Result r = write("--input", in, "--partition-by", "a,nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--partition-by 'nope': no column 'nope'; the columns are [a, b]");
    assertNothingWritten();

    r = write("--input", in, "--partition-by", "year(a)");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--partition-by").contains("cannot be applied to a column of type int64");
    assertNothingWritten();
  }

  @Test
  void valuesThatWouldLeaveTheRootAreEscapedInsideIt() throws Exception {
    Path in = file("evil.csv", "dir,v\n..,1\n/,2\n../../etc,3\n.,4\na/b\\c,5\n%2F,6\n");
    Cli.Result r = write("--input", in, "--partition-by", "dir", "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    Path table = tmp.resolve("table").toRealPath();
    List<Path> files = DatasetRoundTripTest.dataFiles(table);
    assertThat(files).hasSize(6);
    for (Path f : files) {
      assertThat(f.toRealPath().startsWith(table)).as(f.toString()).isTrue();
      assertThat(table.relativize(f).getNameCount()).isEqualTo(2);
    }
    try (Stream<Path> all = Files.walk(tmp)) {
      assertThat(all.filter(p -> !p.toAbsolutePath().startsWith(table) && Files.isRegularFile(p)))
          .containsExactly(in);
    }
    try (DuckDb db = new DuckDb()) {
      assertThat(db.rows("SELECT dir, v FROM read_parquet(" + DuckDb.literal(table + "/**/part-*.parquet")
          + ", hive_partitioning=true, hive_types_autocast=false) ORDER BY v"))
          .containsExactly(List.of("..", "1"), List.of("/", "2"), List.of("../../etc", "3"), List.of(".", "4"),
              List.of("a/b\\c", "5"), List.of("%2F", "6"));
    }
  }

  @Test
  void partitionValuesThatCannotBePathsAreBadRecords() throws IOException {
    Path in = file("p.csv", "k,v\nok,1\n__HIVE_DEFAULT_PARTITION__,2\n");
    Cli.Result r = write("--input", in, "--partition-by", "k");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(in + ", line 3: partition field 'k'");
    assertNothingWritten();

    Path longValue = file("long.csv", "k,v\n" + "x".repeat(300) + ",1\n");
    r = write("--input", longValue, "--partition-by", "k");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(longValue + ", line 2: partition field 'k'");
    assertNothingWritten();
  }

  @Test
  void malformedJsonStopsWithItsPosition() throws IOException {
    Path in = file("bad.jsonl", "{\"a\": 1}\n{\"a\": 2,}\n");
    Cli.Result r = write("--input", in, "--bad-records", "skip");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(in + ", line 2, column").contains("not valid JSON");
    assertNothingWritten();

    Path notObject = file("arr.json", "[{\"a\": 1}, 2]");
    r = write("--input", notObject);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(notObject + ", line 1, column 12: expected a JSON object, found a number");
    assertNothingWritten();
  }

  @Test
  void jsonKeyOutsideTheSchema() throws IOException {
    Path in = file("k.jsonl", "{\"a\": 1}\n{\"a\": 2, \"b\": \"x\"}\n");
    Cli.Result r = write("--input", in, "--schema", "a:int64");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(in + ", line 2, column 2 (b): key 'b' is not a column of the table [a]");
    assertNothingWritten();
  }

  @Test
  void headerThatDoesNotMatchTheSchema() throws IOException {
    Path in = file("h.csv", "a,c\n1,2\n");
    Cli.Result r = write("--input", in, "--schema", "a:int64,b:int64");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(in + ", line 1: header column(s) [c] are not columns of the table [a, b]");
    assertNothingWritten();
  }

  @Test
  void usageErrorsExitWith2() throws IOException {
    Path in = file("a.csv", "a\n1\n");
    assertThat(write("--input", in, "--no-such-option").exit()).isEqualTo(2);
    Cli.Result r = write("--input", in, "--memory", "lots");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--memory");
    r = write("--input", in, "--format", "csv", "--codec", "snappy");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--format csv with --codec snappy").contains("use one of gzip, none, zstd");
    r = write("--input", in, "--format", "avro");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown format 'avro'");
    r = write("--input", in, "--threads", "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--threads must be in 1..256, got 0");
    r = write("--input", in, "--schema", "a:money");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--schema column 'a': unknown type 'money'");
    r = write("--input", in, "--mode", "upsert");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'upsert' is not a mode");
    r = write("--input", in, "--partition-by", "a");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("data files would have no columns");
    r = write("--input", in, "--bad-records", tmp.resolve("table/bad.jsonl"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("is inside the --output table");
    assertThat(Cli.run("write").exit()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
    assertThat(Cli.run().exit()).isEqualTo(2);
    assertNothingWritten();
  }

  @Test
  void modeErrorRefusesATableWithDataAndKeepsIt() throws Exception {
    Path in = file("a.csv", "a,b\n1,x\n2,y\n");
    assertThat(write("--input", in, "--partition-by", "b").exit()).isZero();
    List<Path> before = DatasetRoundTripTest.dataFiles(tmp.resolve("table"));
    Cli.Result r = write("--input", in, "--partition-by", "b");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("already holds 2 data file(s)").contains("ERROR_IF_EXISTS");
    assertThat(DatasetRoundTripTest.dataFiles(tmp.resolve("table"))).isEqualTo(before);

    // A failure in an existing table leaves its data as it was.
    Path bad = file("bad.csv", "a,b\n3,z\nnot-a-number,w\n");
    r = write("--input", bad, "--partition-by", "b", "--mode", "append", "--schema", "a:int64,b:string");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(bad + ", line 3, column 1 (a): 'not-a-number' is not an integer");
    assertThat(DatasetRoundTripTest.dataFiles(tmp.resolve("table"))).isEqualTo(before);
  }
}
