package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The page buffer pool hands out exact-size views over power-of-two arrays and reuses released arrays. */
class RecyclingAllocatorTest {

  @Test
  void reusesReleasedArraysOfTheSameSizeClass() {
    RecyclingAllocator pool = new RecyclingAllocator(1 << 20);
    ByteBuffer a = pool.allocate(1000);
    assertThat(a.capacity()).isEqualTo(1000);
    assertThat(a.array()).hasSize(1024);
    a.put(0, (byte) 42);
    pool.release(a);
    assertThat(pool.pooledBytes()).isEqualTo(1024);
    ByteBuffer b = pool.allocate(600);
    assertThat(b.array()).isSameAs(a.array());
    assertThat(b.capacity()).isEqualTo(600);
    assertThat(b.position()).isZero();
    assertThat(pool.pooledBytes()).isZero();
    ByteBuffer c = pool.allocate(1000);
    assertThat(c.array()).isNotSameAs(a.array());
  }

  @Test
  void keepsAtMostTheLimitAndForgetsOnClear() {
    RecyclingAllocator pool = new RecyclingAllocator(3000);
    ByteBuffer a = pool.allocate(2000);
    ByteBuffer b = pool.allocate(2000);
    pool.release(a);
    pool.release(b);
    assertThat(pool.pooledBytes()).isEqualTo(2048);
    pool.clear();
    assertThat(pool.pooledBytes()).isZero();
    assertThat(pool.allocate(2000).array()).isNotSameAs(a.array()).isNotSameAs(b.array());
    pool.release(ByteBuffer.allocate(100)); // not one of ours: not a power of two, ignored
    assertThat(pool.pooledBytes()).isZero();
  }
}
