/** The catalog in SQLite or PostgreSQL through JDBC: versioned migrations, transactions with retries, filters compiled to SQL. */
package dev.partita.catalog.jdbc;
