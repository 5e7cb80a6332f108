package dev.partita.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageTest {
  @TempDir Path dir;

  /**
   * Listing a folder while other processes create and delete files and folders under it, as recovery lists the
   * staging area while concurrent writers stage and commit (a file that vanished mid-walk failed a listing).
   */
  @Test
  void listingSkipsFilesAndFoldersDeletedWhileWalking() throws Exception {
    LocalStorage storage = LocalStorage.withoutSync();
    Path root = dir.resolve("staging");
    Files.createDirectories(root);
    Files.writeString(root.resolve("stays.txt"), "x");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> churnFailure = new AtomicReference<>();
    List<Thread> churners = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int id = t;
      Thread churn = new Thread(() -> {
        try {
          for (int i = 0; !stop.get(); i++) {
            String sub = "w" + id + "-" + i % 8 + "/a/b";
            String file = sub + "/f" + i + ".tmp";
            try (OutputStream out = storage.create(root.resolve(file).toString())) {
              out.write(1);
            }
            storage.delete(root.resolve(file).toString(), root.toString());
          }
        } catch (Throwable e) {
          churnFailure.set(e);
        }
      });
      churn.start();
      churners.add(churn);
    }
    try {
      for (int i = 0; i < 3_000; i++) {
        List<FileEntry> files = storage.list(root.toString());
        assertThat(files).extracting(FileEntry::path).contains(root.resolve("stays.txt").toString());
      }
    } finally {
      stop.set(true);
      for (Thread t : churners) {
        t.join();
      }
    }
    assertThat(churnFailure.get()).isNull();
    assertThat(storage.list(root.toString())).hasSize(1);
  }

  @Test
  void missingFolderListsEmpty() throws IOException {
    assertThat(LocalStorage.withoutSync().list(dir.resolve("absent").toString())).isEmpty();
  }

  @Test
  void renameCompletesOneInterruptedAfterTheLinkAndRefusesADifferentTarget() throws IOException {
    LocalStorage storage = LocalStorage.withoutSync();
    Path source = dir.resolve("staging/f.inprogress");
    Path target = dir.resolve("table/p=1/f");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "data");
    Files.createDirectories(target.getParent());
    Files.createLink(target, source); // a crash came after the link, before the source was removed
    storage.rename(source.toString(), target.toString());
    assertThat(source).doesNotExist();
    assertThat(target).hasContent("data");

    Files.writeString(source, "other");
    assertThatThrownBy(() -> storage.rename(source.toString(), target.toString()))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(target).hasContent("data");
    assertThat(source).hasContent("other");
  }

  @Test
  void renameMakesTheTargetFolderAndDeletingAFolderRemovesItOnlyWhenEmpty() throws IOException {
    LocalStorage storage = LocalStorage.withoutSync();
    Path staging = dir.resolve("meta/staging/w1");
    try (OutputStream out = storage.create(staging.resolve("a.inprogress").toString())) {
      out.write(1);
    }
    storage.rename(staging.resolve("a.inprogress").toString(), dir.resolve("table/x=1/y=2/a").toString());
    assertThat(dir.resolve("table/x=1/y=2/a")).exists();
    Files.writeString(staging.resolve("b.inprogress"), "b");
    assertThat(storage.delete(staging.toString(), dir.resolve("meta").toString())).isFalse();
    assertThat(staging.resolve("b.inprogress")).exists();
    storage.delete(staging.resolve("b.inprogress").toString(), staging.toString());
    assertThat(storage.delete(staging.toString(), dir.resolve("meta").toString())).isTrue();
    assertThat(dir.resolve("meta/staging")).doesNotExist();
    assertThat(dir.resolve("meta")).exists();
  }

  /**
   * Writers of one table create files under shared folders while others delete their files and the folders they
   * empty (as staging and commits do); creating a file must retry when a parent vanishes mid-creation.
   */
  @Test
  void creatingFilesRetriesWhenAConcurrentDeleteRemovesTheirFolders() throws Exception {
    LocalStorage storage = LocalStorage.withoutSync();
    Path root = dir.resolve("t");
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int id = t;
      Thread w = new Thread(() -> {
        try {
          for (int i = 0; i < 4_000 && failure.get() == null; i++) {
            Path f = root.resolve("_meta/staging/w" + id + "/" + (i % 4) + "/f" + i);
            try (OutputStream out = storage.create(f.toString())) {
              out.write(1);
            }
            storage.delete(f.toString(), root.toString());
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      w.start();
      threads.add(w);
    }
    for (Thread w : threads) {
      w.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(root.resolve("_meta")).doesNotExist();
  }
}
