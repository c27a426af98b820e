package fr.aiguillage.indicators.store;

import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Tallies flattened into the columns of the block tables, to be sent as arrays (unnest): counts (a sum under key
 * '', or a breakdown key), members of distinct counts, measured values. {@code tag} is the territory when the
 * refresher stores day blocks, the source when a report sends the days it computed from the records.
 */
final class BlockRows {

  private final List<String> countTag = new ArrayList<>();
  private final List<LocalDate> countDay = new ArrayList<>();
  private final List<String> countPiece = new ArrayList<>();
  private final List<String> countKey = new ArrayList<>();
  private final List<Long> countN = new ArrayList<>();
  private final List<String> memberTag = new ArrayList<>();
  private final List<LocalDate> memberDay = new ArrayList<>();
  private final List<String> memberPiece = new ArrayList<>();
  private final List<String> member = new ArrayList<>();
  private final List<String> valueTag = new ArrayList<>();
  private final List<LocalDate> valueDay = new ArrayList<>();
  private final List<String> valuePiece = new ArrayList<>();
  private final List<Double> value = new ArrayList<>();

  void add(String tag, LocalDate day, Tally tally) {
    tally.sums().forEach((column, n) -> {
      if (n != 0) {
        count(tag, day, column, "", n);
      }
    });
    tally.keyed().forEach((piece, counts) -> counts.forEach((key, n) -> {
      if (n <= 0) {
        return;
      }
      if (piece.startsWith("d")) {
        memberTag.add(tag);
        memberDay.add(day);
        memberPiece.add(piece);
        member.add(key);
      } else {
        count(tag, day, piece, key, n);
      }
    }));
    tally.values().forEach((piece, values) -> {
      for (double v : values) {
        valueTag.add(tag);
        valueDay.add(day);
        valuePiece.add(piece);
        value.add(v);
      }
    });
  }

  private void count(String tag, LocalDate day, String piece, String key, long n) {
    countTag.add(tag);
    countDay.add(day);
    countPiece.add(piece);
    countKey.add(key);
    countN.add(n);
  }

  /** {@code first}, then tag, day, piece, key and n as arrays. */
  Tuple counts(Object... first) {
    return with(first, countTag.toArray(String[]::new), countDay.toArray(LocalDate[]::new),
        countPiece.toArray(String[]::new), countKey.toArray(String[]::new), countN.toArray(Long[]::new));
  }

  /** {@code first}, then tag, day, piece and member as arrays. */
  Tuple members(Object... first) {
    return with(first, memberTag.toArray(String[]::new), memberDay.toArray(LocalDate[]::new),
        memberPiece.toArray(String[]::new), member.toArray(String[]::new));
  }

  /** {@code first}, then tag, day, piece and value as arrays. */
  Tuple values(Object... first) {
    return with(first, valueTag.toArray(String[]::new), valueDay.toArray(LocalDate[]::new),
        valuePiece.toArray(String[]::new), value.toArray(Double[]::new));
  }

  private static Tuple with(Object[] first, Object... arrays) {
    Tuple tuple = Tuple.tuple();
    for (Object o : first) {
      tuple.addValue(o);
    }
    for (Object o : arrays) {
      tuple.addValue(o);
    }
    return tuple;
  }
}
