/** Reading ORC file tails without a Hadoop FileSystem, for crawlers and inspection. */
package dev.partita.format.orc.footer;
