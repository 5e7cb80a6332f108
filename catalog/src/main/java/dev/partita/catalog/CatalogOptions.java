package dev.partita.catalog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable options of a catalog connection. Build with {@link #builder(String)}; every option has a
 * {@code DEFAULT_*} value.
 *
 * <p>The URL selects the store: {@code jdbc:sqlite:/path/catalog.db} (a single local file, no server; the
 * embedded default, see {@link #defaultUrl()}) or {@code jdbc:postgresql://host:5432/db?user=u&password=p}
 * (shared by many processes and machines).
 */
public final class CatalogOptions {
  /** Default {@link Builder#maxConnections}. */
  public static final int DEFAULT_MAX_CONNECTIONS = 4;
  /** Default {@link Builder#busyTimeout}: how long SQLite waits for another process's write lock. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(30);
  /** Default {@link Builder#maxAttempts}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 20;
  /** Environment variable that overrides the default catalog URL. */
  public static final String URL_ENVIRONMENT_VARIABLE = "PARTITA_CATALOG_URL";

  private final String url;
  private final int maxConnections;
  private final Duration busyTimeout;
  private final int maxAttempts;
  private final Clock clock;

  private CatalogOptions(Builder b) {
    this.url = b.url;
    this.maxConnections = b.maxConnections;
    this.busyTimeout = b.busyTimeout;
    this.maxAttempts = b.maxAttempts;
    this.clock = b.clock;
  }

  /** Starts options for the catalog at a JDBC URL. */
  public static Builder builder(String url) {
    return new Builder(url);
  }

  /** The JDBC URL of a SQLite catalog file. */
  public static String sqliteUrl(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath().normalize();
  }

  /**
   * The catalog used when none is named: the value of the environment variable {@value #URL_ENVIRONMENT_VARIABLE}
   * if set, else the SQLite file {@code ~/.partita/catalog.db}.
   */
  public static String defaultUrl() {
    String env = System.getenv(URL_ENVIRONMENT_VARIABLE);
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    return sqliteUrl(Path.of(System.getProperty("user.home"), ".partita", "catalog.db"));
  }

  /** The JDBC URL. */
  public String url() {
    return url;
  }

  /** Most connections open at once. */
  public int maxConnections() {
    return maxConnections;
  }

  /** How long SQLite waits for a lock held by another connection before failing an attempt. */
  public Duration busyTimeout() {
    return busyTimeout;
  }

  /** Attempts of a transaction that fails because of a concurrent one (lock timeout, deadlock, serialization). */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The clock for created/updated times. */
  public Clock clock() {
    return clock;
  }

  /** Collects {@link CatalogOptions}; {@link #build()} validates. */
  public static final class Builder {
    private final String url;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Clock clock = Clock.systemUTC();

    private Builder(String url) {
      this.url = Objects.requireNonNull(url, "url");
    }

    /** Most connections open at once, 1..1000; default {@link #DEFAULT_MAX_CONNECTIONS}. */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    /** SQLite's lock wait, 0 ms..1 hour; default {@link #DEFAULT_BUSY_TIMEOUT}. */
    public Builder busyTimeout(Duration busyTimeout) {
      this.busyTimeout = Objects.requireNonNull(busyTimeout, "busyTimeout");
      return this;
    }

    /** Attempts per transaction under contention, 1..1000; default {@link #DEFAULT_MAX_ATTEMPTS}. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The clock; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the option and its allowed range
     */
    public CatalogOptions build() {
      if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("catalog url must start with jdbc:sqlite: or jdbc:postgresql:, got '"
            + Redact.url(url) + "'");
      }
      if (url.equals("jdbc:sqlite:") || url.contains(":memory:")) {
        throw new IllegalArgumentException("catalog url must name a SQLite file (an in-memory database is not"
            + " shared between connections), got '" + url + "'");
      }
      if (maxConnections < 1 || maxConnections > 1000) {
        throw new IllegalArgumentException("maxConnections must be in 1..1000, got " + maxConnections);
      }
      if (busyTimeout.isNegative() || busyTimeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("busyTimeout must be in 0 ms..1 hour, got " + busyTimeout);
      }
      if (maxAttempts < 1 || maxAttempts > 1000) {
        throw new IllegalArgumentException("maxAttempts must be in 1..1000, got " + maxAttempts);
      }
      return new CatalogOptions(this);
    }
  }
}
