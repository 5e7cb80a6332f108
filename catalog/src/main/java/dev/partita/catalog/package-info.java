/** The catalog API: namespaces, tables with schema history, partitions, files and pruning filters; open one with {@link dev.partita.catalog.Catalogs}. */
package dev.partita.catalog;
