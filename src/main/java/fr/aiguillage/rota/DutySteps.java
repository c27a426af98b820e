package fr.aiguillage.rota;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The times a duty offers: the band's start, then every step up to its end. The suggested time is the first step at or
 * after {@code notBefore} that no patient holds yet; when every later step is held (times picked by hand), the first
 * later step, shared. None once the last step has passed.
 */
public final class DutySteps {

  private DutySteps() {
  }

  public static Optional<Instant> next(Instant start, Instant end, int stepMinutes, List<Instant> taken,
                                       Instant notBefore) {
    Set<Instant> held = new HashSet<>(taken);
    Duration step = Duration.ofMinutes(stepMinutes);
    Instant shared = null;
    for (Instant t = start; t.isBefore(end); t = t.plus(step)) {
      if (t.isBefore(notBefore)) {
        continue;
      }
      if (!held.contains(t)) {
        return Optional.of(t);
      }
      if (shared == null) {
        shared = t;
      }
    }
    return Optional.ofNullable(shared);
  }

  /** A patient's time on the duty lasts one step, cut at the band's end. */
  public static Instant endOf(Instant time, Instant bandEnd, int stepMinutes) {
    Instant end = time.plus(Duration.ofMinutes(stepMinutes));
    return end.isAfter(bandEnd) ? bandEnd : end;
  }
}
