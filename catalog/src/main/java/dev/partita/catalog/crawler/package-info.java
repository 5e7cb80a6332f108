/** Describing tables from their files ({@link dev.partita.catalog.crawler.TableScanner}) and crawling them into a catalog with Glue-like policies. */
package dev.partita.catalog.crawler;
