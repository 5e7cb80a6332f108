package dev.partita.catalog.crawler;

import dev.partita.catalog.TableId;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable options of a {@link Crawler}. Build with {@link #builder()}; every option has a {@code DEFAULT_*}
 * value.
 */
public final class CrawlerOptions {
  /** Default {@link Builder#namespace}. */
  public static final String DEFAULT_NAMESPACE = TableId.DEFAULT_NAMESPACE;
  /** Default {@link Builder#tablePrefix}: none. */
  public static final String DEFAULT_TABLE_PREFIX = "";
  /** Default {@link Builder#schemaChangePolicy}. */
  public static final SchemaChangePolicy DEFAULT_SCHEMA_CHANGE_POLICY = SchemaChangePolicy.UPDATE_IN_CATALOG;
  /** Default {@link Builder#deletePolicy}, as Glue's default. */
  public static final DeletePolicy DEFAULT_DELETE_POLICY = DeletePolicy.DEPRECATE;
  /** Default {@link Builder#recrawlPolicy}. */
  public static final RecrawlPolicy DEFAULT_RECRAWL_POLICY = RecrawlPolicy.CRAWL_EVERYTHING;

  private final String namespace;
  private final String tablePrefix;
  private final Optional<String> tableName;
  private final SchemaChangePolicy schemaChangePolicy;
  private final DeletePolicy deletePolicy;
  private final RecrawlPolicy recrawlPolicy;

  private CrawlerOptions(Builder b) {
    this.namespace = b.namespace;
    this.tablePrefix = b.tablePrefix;
    this.tableName = Optional.ofNullable(b.tableName);
    this.schemaChangePolicy = b.schemaChangePolicy;
    this.deletePolicy = b.deletePolicy;
    this.recrawlPolicy = b.recrawlPolicy;
  }

  /** Starts options with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static CrawlerOptions defaults() {
    return builder().build();
  }

  /** The namespace crawled tables are registered in. */
  public String namespace() {
    return namespace;
  }

  /** Prepended to the names of crawled tables. */
  public String tablePrefix() {
    return tablePrefix;
  }

  /** A fixed table name for a crawl of a single table; empty to name tables after their folders. */
  public Optional<String> tableName() {
    return tableName;
  }

  /** What to do when a table's schema changed. */
  public SchemaChangePolicy schemaChangePolicy() {
    return schemaChangePolicy;
  }

  /** What to do with vanished partitions and files. */
  public DeletePolicy deletePolicy() {
    return deletePolicy;
  }

  /** Which folders a recrawl reads. */
  public RecrawlPolicy recrawlPolicy() {
    return recrawlPolicy;
  }

  /** Collects {@link CrawlerOptions}; {@link #build()} validates. */
  public static final class Builder {
    private String namespace = DEFAULT_NAMESPACE;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private String tableName;
    private SchemaChangePolicy schemaChangePolicy = DEFAULT_SCHEMA_CHANGE_POLICY;
    private DeletePolicy deletePolicy = DEFAULT_DELETE_POLICY;
    private RecrawlPolicy recrawlPolicy = DEFAULT_RECRAWL_POLICY;

    private Builder() {}

    /** The namespace of crawled tables; default {@link #DEFAULT_NAMESPACE}. */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** A prefix for crawled table names, as Glue's crawler table prefix; default none. */
    public Builder tablePrefix(String prefix) {
      this.tablePrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** Registers the crawled table under this name (the crawl must find exactly one table). */
    public Builder tableName(String name) {
      this.tableName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Default {@link #DEFAULT_SCHEMA_CHANGE_POLICY}. */
    public Builder schemaChangePolicy(SchemaChangePolicy policy) {
      this.schemaChangePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Default {@link #DEFAULT_DELETE_POLICY}. */
    public Builder deletePolicy(DeletePolicy policy) {
      this.deletePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Default {@link #DEFAULT_RECRAWL_POLICY}. */
    public Builder recrawlPolicy(RecrawlPolicy policy) {
      this.recrawlPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException when the namespace or an explicit table name is empty
     */
    public CrawlerOptions build() {
      if (namespace.isEmpty()) {
        throw new IllegalArgumentException("namespace must not be empty");
      }
      if (tableName != null && tableName.isEmpty()) {
        throw new IllegalArgumentException("tableName must not be empty; leave it unset to name tables after"
            + " their folders");
      }
      return new CrawlerOptions(this);
    }
  }
}
