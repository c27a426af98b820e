package fr.aiguillage.waitlist;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.patient.model.Fragility;
import fr.aiguillage.patient.model.Patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Priority, explained: fragility weighs most (ALD, 70 or older, CSS or AME, précarité, handicap — weights in
 * config), then time waited (points per whole month, capped).
 */
final class Priority {

  /** Fragility points and their reasons, fixed at the request. */
  record Fragile(int points, List<String> reasons) {
  }

  private final AppConfig.Waitlist settings;

  Priority(AppConfig.Waitlist settings) {
    this.settings = settings;
  }

  Fragile of(Patient p, LocalDate today) {
    List<String> reasons = new ArrayList<>();
    if (p.fragility().contains(Fragility.ALD)) {
      reasons.add("ALD");
    }
    if (Period.between(p.birthDate(), today).getYears() >= 70) {
      reasons.add("AGE_70_PLUS");
    }
    if (p.fragility().contains(Fragility.CSS) || p.fragility().contains(Fragility.AME)) {
      reasons.add("CSS_OR_AME");
    }
    if (p.fragility().contains(Fragility.PRECARITY)) {
      reasons.add("PRECARITY");
    }
    if (p.fragility().contains(Fragility.DISABILITY)) {
      reasons.add("DISABILITY");
    }
    int points = reasons.stream().mapToInt(r -> settings.weights().getOrDefault(r, 0)).sum();
    return new Fragile(points, List.copyOf(reasons));
  }

  int pointsPerMonth() {
    return settings.pointsPerMonthWaited();
  }

  int maxWaitPoints() {
    return settings.maxWaitPoints();
  }
}
