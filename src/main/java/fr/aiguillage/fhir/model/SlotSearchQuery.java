package fr.aiguillage.fhir.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A parsed slot search: the start window (both bounds inclusive), the RPPS numbers asked for (without the
 * {@code 8} prefix), whether free slots are asked for (the only status this service has to offer), the includes,
 * and the query string as understood (for the Bundle's {@code self} link).
 */
public record SlotSearchQuery(Instant from, Instant to, List<String> rpps, boolean free, Set<Include> includes,
                              String selfQuery) {

  public boolean includes(Include include) {
    return includes.contains(include);
  }
}
