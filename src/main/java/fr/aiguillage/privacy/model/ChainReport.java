package fr.aiguillage.privacy.model;

/**
 * The audit chain walked from each chain's anchor: how many rows were checked and, when the chain is broken, the
 * first broken link (lowest row id) and why.
 */
public record ChainReport(boolean intact, long checkedRows, BrokenLink firstBroken) {

  /** A row whose hash or link does not match: its id, its place in its chain, and the reason. */
  public record BrokenLink(Long id, int chain, long chainSeq, Reason reason) {
  }

  /** Why a link is broken. */
  public enum Reason {
    /** The row's content no longer gives its stored hash: it was edited. */
    ROW_ALTERED,
    /** The row does not carry the previous row's hash. */
    LINK_BROKEN,
    /** Rows are missing before this one (removed other than by retention). */
    ROWS_MISSING,
    /** Rows are missing at the end of the chain. */
    TAIL_MISSING
  }
}
