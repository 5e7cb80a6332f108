/** Value conversions shared inside the catalog module; not an API. */
package dev.partita.catalog.internal;
