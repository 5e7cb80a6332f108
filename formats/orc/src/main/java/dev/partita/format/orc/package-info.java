/**
 * The ORC file format on Apache orc-core: {@link dev.partita.format.orc.OrcFormat} and its
 * {@link dev.partita.format.orc.OrcFormatProvider}. Everything else in this package is package-private and is the
 * only Partita code that touches Hadoop.
 */
package dev.partita.format.orc;
