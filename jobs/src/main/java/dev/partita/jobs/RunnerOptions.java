package dev.partita.jobs;

import dev.partita.jobs.internal.Owner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable options of a {@link JobRunner}. Build with {@link #builder()}; every option has a {@code DEFAULT_*}
 * value.
 */
public final class RunnerOptions {
  /** Default {@link Builder#leaseDuration}. */
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofMinutes(2);

  private final Clock clock;
  private final Duration leaseDuration;
  private final Optional<MeterRegistry> meterRegistry;
  private final JobListener listener;
  private final String owner;

  private RunnerOptions(Builder b) {
    this.clock = b.clock;
    this.leaseDuration = b.leaseDuration;
    this.meterRegistry = Optional.ofNullable(b.meterRegistry);
    this.listener = b.listener;
    this.owner = b.owner;
  }

  /** Starts options with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default options. */
  public static RunnerOptions defaults() {
    return builder().build();
  }

  /** The clock for run times and lease expiry. */
  public Clock clock() {
    return clock;
  }

  /**
   * How long a run's lease lasts without renewal. A running process renews it every third of this; a lease whose
   * holder died expires after it (at once when the holder was a process on this host that no longer exists).
   */
  public Duration leaseDuration() {
    return leaseDuration;
  }

  /** Where job and writer metrics are published; empty for none. */
  public Optional<MeterRegistry> meterRegistry() {
    return meterRegistry;
  }

  /** Observer of run steps. */
  public JobListener listener() {
    return listener;
  }

  /** The identity runs take leases under: {@code host/pid/process-start-millis}. */
  public String owner() {
    return owner;
  }

  /** Collects {@link RunnerOptions}; {@link #build()} validates. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration leaseDuration = DEFAULT_LEASE_DURATION;
    private MeterRegistry meterRegistry;
    private JobListener listener = JobListener.NONE;
    private String owner = Owner.current();

    private Builder() {}

    /** The clock; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Lease duration, 1 second..1 day; default {@link #DEFAULT_LEASE_DURATION}. */
    public Builder leaseDuration(Duration leaseDuration) {
      this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
      return this;
    }

    /** Publishes metrics to {@code registry}; default none. */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Observer of run steps; default none. */
    public Builder listener(JobListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The lease owner identity; default this process ({@code host/pid/start}). */
    public Builder owner(String owner) {
      this.owner = Objects.requireNonNull(owner, "owner");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the option and its allowed range
     */
    public RunnerOptions build() {
      if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0 || leaseDuration.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("leaseDuration must be in 1 second..1 day, got " + leaseDuration);
      }
      if (owner.isBlank()) {
        throw new IllegalArgumentException("owner must not be blank");
      }
      return new RunnerOptions(this);
    }
  }
}
