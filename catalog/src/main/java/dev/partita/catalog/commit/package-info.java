/** Writes that register themselves: the commit hook that records each Partita commit in a catalog table. */
package dev.partita.catalog.commit;
