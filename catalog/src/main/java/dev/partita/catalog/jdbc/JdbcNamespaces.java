package dev.partita.catalog.jdbc;

import dev.partita.catalog.CatalogException;
import dev.partita.catalog.Namespaces;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** Namespaces in the {@code partita_namespaces} table. */
final class JdbcNamespaces implements Namespaces {
  private final Jdbc jdbc;
  private final JdbcCatalog.Guard guard;
  private final Clock clock;

  JdbcNamespaces(Jdbc jdbc, JdbcCatalog.Guard guard, Clock clock) {
    this.jdbc = jdbc;
    this.guard = guard;
    this.clock = clock;
  }

  @Override
  public boolean create(String name) {
    check(name);
    return jdbc.write("creating namespace " + name, c -> insert(c, name, clock.millis()));
  }

  @Override
  public boolean exists(String name) {
    check(name);
    return jdbc.read("reading namespace " + name, c -> id(c, name).isPresent());
  }

  @Override
  public List<String> list() {
    guard.check();
    return jdbc.read("listing namespaces", c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT name FROM partita_namespaces ORDER BY name");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    });
  }

  @Override
  public boolean drop(String name) {
    check(name);
    return jdbc.write("dropping namespace " + name, c -> {
      OptionalLong id = id(c, name);
      if (id.isEmpty()) {
        return false;
      }
      try (PreparedStatement p = c.prepareStatement(
          "SELECT COUNT(*) FROM partita_tables WHERE namespace_id = ?")) {
        p.setLong(1, id.getAsLong());
        try (ResultSet r = p.executeQuery()) {
          r.next();
          if (r.getLong(1) > 0) {
            throw new CatalogException("namespace " + name + " still holds " + r.getLong(1)
                + " table(s); drop them first");
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("DELETE FROM partita_namespaces WHERE id = ?")) {
        p.setLong(1, id.getAsLong());
        p.executeUpdate();
      }
      return true;
    });
  }

  private void check(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("namespace name must be non-empty and without NUL, got '" + name + "'");
    }
    guard.check();
  }

  /** Inserts a namespace unless it exists; true when inserted. */
  static boolean insert(Connection c, String name, long now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_namespaces (name, created_at) VALUES (?, ?)"
        + " ON CONFLICT (name) DO NOTHING")) {
      p.setString(1, name);
      p.setLong(2, now);
      return p.executeUpdate() > 0;
    }
  }

  /** The id of a namespace, creating it if needed. */
  static long ensure(Connection c, String name, long now) throws SQLException {
    insert(c, name, now);
    return id(c, name).orElseThrow();
  }

  static OptionalLong id(Connection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM partita_namespaces WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    }
  }
}
