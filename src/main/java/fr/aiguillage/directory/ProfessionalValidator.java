package fr.aiguillage.directory;

import fr.aiguillage.directory.model.NewProfessional;
import fr.aiguillage.directory.model.NewSite;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.ProfessionalPatch;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.failure.FieldError;
import fr.aiguillage.failure.Invalid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The directory's rules beyond the OpenAPI schema: RPPS check digit, phone numbers, known skills
 * and communes. Collects every wrong field before refusing, so one answer lists them all.
 */
public final class ProfessionalValidator {

  private final TerritoryService territories;
  private final SkillCatalog skills;

  public ProfessionalValidator(TerritoryService territories, SkillCatalog skills) {
    this.territories = territories;
    this.skills = skills;
  }

  public Professional validNew(NewProfessional r) {
    List<FieldError> errors = new ArrayList<>();
    if (!Rpps.isValid(r.rpps())) {
      errors.add(new FieldError("rpps", "must be 11 digits with a valid Luhn check digit"));
    }
    String phone = collect(errors, () -> PhoneNumbers.toE164("phone", r.phone()));
    checkSkills(errors, r.skills());
    List<Site> sites = new ArrayList<>();
    List<NewSite> requested = r.sites() == null ? List.of() : r.sites();
    if (requested.isEmpty()) {
      errors.add(new FieldError("sites", "at least one site is required"));
    }
    for (int i = 0; i < requested.size(); i++) {
      int index = i;
      Site site = collect(errors, () -> validSite("sites[" + index + "].", requested.get(index)));
      if (site != null) {
        sites.add(site);
      }
    }
    throwIfAny(errors);
    List<String> territoryIds = sites.stream().map(this::territoryOf).distinct().sorted().toList();
    return new Professional(UUID.randomUUID(), r.rpps(), r.familyName().trim(), r.givenName().trim(),
        r.profession(), blankToNull(r.specialty()), List.copyOf(r.skills() == null ? List.of() : r.skills()), phone,
        blankToNull(r.email()), r.acceptsSnp(), r.acceptsOverbooking(), r.mtCapacity(), true, territoryIds, sites);
  }

  public Professional patched(Professional c, ProfessionalPatch p) {
    List<FieldError> errors = new ArrayList<>();
    String phone = p.phone() == null ? c.phone() : collect(errors, () -> PhoneNumbers.toE164("phone", p.phone()));
    if (p.skills() != null) {
      checkSkills(errors, p.skills());
    }
    throwIfAny(errors);
    return new Professional(c.id(), c.rpps(), or(p.familyName(), c.familyName()), or(p.givenName(), c.givenName()),
        or(p.profession(), c.profession()), p.specialty() == null ? c.specialty() : blankToNull(p.specialty()),
        or(p.skills(), c.skills()), phone, p.email() == null ? c.email() : blankToNull(p.email()),
        or(p.acceptsSnp(), c.acceptsSnp()), or(p.acceptsOverbooking(), c.acceptsOverbooking()),
        or(p.mtCapacity(), c.mtCapacity()), or(p.active(), c.active()), c.territories(), c.sites());
  }

  /** A site with its coordinates (the commune's centre when none are given); fields prefixed for errors. */
  public Site validSite(String prefix, NewSite s) {
    List<FieldError> errors = new ArrayList<>();
    Optional<TerritoryService.Place> place = territories.place(s.communeInsee());
    if (place.isEmpty()) {
      errors.add(new FieldError(prefix + "communeInsee", "unknown commune " + s.communeInsee()
          + " (not in any territory)"));
    }
    if ((s.lat() == null) != (s.lon() == null)) {
      errors.add(new FieldError(prefix + (s.lat() == null ? "lat" : "lon"), "give both lat and lon, or neither"));
    }
    String phone = s.phone() == null || s.phone().isBlank() ? null
        : collect(errors, () -> PhoneNumbers.toE164(prefix + "phone", s.phone()));
    throwIfAny(errors);
    double lat = s.lat() != null ? s.lat() : place.get().commune().lat();
    double lon = s.lon() != null ? s.lon() : place.get().commune().lon();
    return new Site(UUID.randomUUID(), s.name().trim(), s.address().trim(), s.communeInsee(), lat, lon, phone);
  }

  public String territoryOf(Site site) {
    return territories.place(site.communeInsee()).orElseThrow().territoryId();
  }

  private void checkSkills(List<FieldError> errors, List<String> requested) {
    if (requested == null) {
      return;
    }
    for (int i = 0; i < requested.size(); i++) {
      if (!skills.knows(requested.get(i))) {
        errors.add(new FieldError("skills[" + i + "]", "unknown skill " + requested.get(i)
            + "; known: " + String.join(", ", skills.codes())));
      }
    }
  }

  private static <T> T collect(List<FieldError> errors, Supplier<T> check) {
    try {
      return check.get();
    } catch (Invalid e) {
      errors.addAll(e.errors());
      return null;
    }
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
  }

  private static <T> T or(T value, T fallback) {
    return Objects.requireNonNullElse(value, fallback);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
