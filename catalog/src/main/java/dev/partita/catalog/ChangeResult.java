package dev.partita.catalog;

/**
 * What {@link Partitions#apply} did.
 *
 * @param applied false when the batch's write id was already registered (nothing changed)
 * @param partitionsAdded partitions created
 * @param filesAdded files registered
 * @param filesRemoved files unregistered
 * @param partitionsDropped partitions dropped, explicitly or because their last file was removed
 * @param partitionsDeprecated partitions marked deprecated
 */
public record ChangeResult(boolean applied, int partitionsAdded, int filesAdded, int filesRemoved,
    int partitionsDropped, int partitionsDeprecated) {

  /** The result of a batch that had already been applied. */
  public static final ChangeResult ALREADY_APPLIED = new ChangeResult(false, 0, 0, 0, 0, 0);
}
