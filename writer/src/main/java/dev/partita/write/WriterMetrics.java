package dev.partita.write;

/**
 * A reading of a writer's counters.
 *
 * @param rows rows accepted
 * @param rejectedRows rows rejected as invalid
 * @param files files completed (closed, not yet necessarily committed)
 * @param bytes bytes of completed files
 * @param openFiles files open now
 * @param bufferedBytes bytes buffered in memory by open files (as last reported by them)
 * @param flushes early flushes asked by the memory budget
 * @param evictions files closed early because of {@code maxOpenFiles} or the memory budget
 * @param partitions distinct partitions seen
 */
public record WriterMetrics(long rows, long rejectedRows, long files, long bytes, long openFiles,
    long bufferedBytes, long flushes, long evictions, long partitions) {}
