package fr.aiguillage.privacy.model;

import java.time.Instant;
import java.util.List;

/** Per kind of record: its duration, the cutoff it gives now, and how many records (would) go. */
public record RetentionReport(Instant at, List<Item> kinds) {

  /** One kind: records older than {@code cutoff} ({@code days} before now) are removed. */
  public record Item(String kind, int days, Instant cutoff, long count) {
  }
}
