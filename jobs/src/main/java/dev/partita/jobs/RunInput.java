package dev.partita.jobs;

/**
 * One input a run read.
 *
 * @param source the source's name
 * @param input the file's path relative to the source directory, or the JDBC key range read
 * @param rows records read from it
 * @param bytes bytes read (files; 0 for JDBC)
 */
public record RunInput(String source, String input, long rows, long bytes) {}
