package dev.partita.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelStepsTest {
  @Test
  void everyItemRunsOnceOnSeveralThreads() throws Exception {
    List<Integer> items = IntStream.range(0, 1_000).boxed().toList();
    Set<Integer> done = ConcurrentHashMap.newKeySet();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch bothRunning = new CountDownLatch(2);
    ParallelSteps.run(2, items, i -> {
      assertThat(done.add(i)).as("item %d ran twice", i).isTrue();
      threads.add(Thread.currentThread().getName());
      if (i < 2) {
        meet(bothRunning); // the first two items meet only if two threads run them at once
      }
    });
    assertThat(done).hasSize(1_000);
    assertThat(threads).hasSize(2);
  }

  @Test
  void fewItemsRunOnTheCallersThread() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ParallelSteps.run(4, List.of(1, 2, 3), i -> threads.add(Thread.currentThread().getName()));
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void theFirstFailureIsThrownWithTheOthersSuppressedAndNoNewItemStarts() {
    List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
    Set<Integer> started = ConcurrentHashMap.newKeySet();
    CountDownLatch bothFailing = new CountDownLatch(2);
    assertThatThrownBy(() -> ParallelSteps.run(2, items, i -> {
      started.add(i);
      if (i < 2) {
        meet(bothFailing);
        throw new IOException("item " + i + " failed");
      }
    })).isInstanceOf(IOException.class).hasMessageStartingWith("item ")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(started).hasSizeLessThan(10_000);
  }

  private static void meet(CountDownLatch latch) throws IOException {
    latch.countDown();
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }
}
