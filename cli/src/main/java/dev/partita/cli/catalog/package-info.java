/** The catalog commands of the command line: {@code partita crawl} and {@code partita catalog ...}. */
package dev.partita.cli.catalog;
