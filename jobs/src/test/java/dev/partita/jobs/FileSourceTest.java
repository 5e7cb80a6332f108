package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.format.text.read.CsvOptions;
import dev.partita.jobs.source.FileSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file source's CSV options: one {@link CsvOptions}, set whole or option by option, validated by it. */
class FileSourceTest {
  @TempDir Path tmp;

  @Test
  void csvOptionsDefaultToCsvOptionsDefault() {
    assertThat(FileSource.csv("in", tmp, Weather.SCHEMA).build().csvOptions()).isEqualTo(CsvOptions.DEFAULT);
    assertThat(FileSource.jsonLines("in", tmp, Weather.SCHEMA).build().csvOptions()).isEqualTo(CsvOptions.DEFAULT);
  }

  @Test
  void wholeOptionsAndSingleSettersApplyInCallOrder() {
    CsvOptions tabs = CsvOptions.builder().delimiter('\t').quote('\'').header(false).nullValue("NA").build();
    assertThat(FileSource.csv("in", tmp, Weather.SCHEMA).csvOptions(tabs).build().csvOptions()).isEqualTo(tabs);

    CsvOptions later = FileSource.csv("in", tmp, Weather.SCHEMA).csvOptions(tabs).nullValue("-").build().csvOptions();
    assertThat(later.delimiter()).isEqualTo('\t');
    assertThat(later.quote()).isEqualTo('\'');
    assertThat(later.header()).isFalse();
    assertThat(later.nullValue()).isEqualTo("-");

    CsvOptions replaced = FileSource.csv("in", tmp, Weather.SCHEMA).delimiter(';').header(false).csvOptions(tabs)
        .build().csvOptions();
    assertThat(replaced).as("csvOptions replaces what the single setters set before").isEqualTo(tabs);
    assertThat(tabs.toBuilder().build()).isEqualTo(tabs);
  }

  @Test
  void invalidCsvOptionsFailNamingTheSourceAndTheOption() {
    assertThatThrownBy(() -> FileSource.csv("in", tmp, Weather.SCHEMA).delimiter(';').quote(';').build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source 'in': csv delimiter and quote must differ, both are ';'");
    assertThatThrownBy(() -> FileSource.csv("in", tmp, Weather.SCHEMA).quote('\n').build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source 'in': csv quote must be a character other than a line break (CR or LF), got LF");
    assertThatThrownBy(() -> FileSource.jsonLines("j", tmp, Weather.SCHEMA).delimiter('\r').build())
        .as("validated for every format, as the options are held for every format")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source 'j': csv delimiter must be a character other than a line break (CR or LF), got CR");
    // A builder that failed can be corrected: the setters only collect.
    FileSource.Builder b = FileSource.csv("in", tmp, Weather.SCHEMA).delimiter('"');
    assertThatThrownBy(b::build).hasMessageContaining("must differ");
    assertThat(b.quote('\'').build().csvOptions().quote()).isEqualTo('\'');
  }
}
