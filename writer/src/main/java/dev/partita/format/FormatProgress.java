package dev.partita.format;

/**
 * A reading of a {@link FormatWriter}'s counters.
 *
 * @param rows rows written to the file so far
 * @param bufferedBytes bytes held in memory for the file (encoded pages, dictionaries, batches)
 * @param estimatedFileSize bytes already on the stream plus the expected size of what is buffered
 */
public record FormatProgress(long rows, long bufferedBytes, long estimatedFileSize) {}
