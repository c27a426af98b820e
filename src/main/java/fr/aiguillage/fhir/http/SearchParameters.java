package fr.aiguillage.fhir.http;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.fhir.FhirFailure;
import fr.aiguillage.fhir.model.Include;
import fr.aiguillage.fhir.model.SlotSearchQuery;
import fr.aiguillage.fhir.resource.Canonicals;
import io.vertx.core.MultiMap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the guide's slot search: {@code start=ge…&start=le…} (both mandatory),
 * {@code schedule.actor:Practitioner.identifier} (1 to 25 {@code system|value}, comma-separated),
 * {@code status} (mandatory) and the includes. An unknown parameter or include is ignored, or refused when the
 * client sends {@code Prefer: handling=strict} (FHIR R4 http.html#search, "handling").
 */
final class SearchParameters {

  static final int MAX_IDENTIFIERS = 25;
  static final String IDENTIFIER = "schedule.actor:Practitioner.identifier";
  private static final Set<String> KNOWN = Set.of("start", IDENTIFIER, "status", "_include", "_include:iterate",
      "_include:recurse", "_format");
  /** An RPPS as the guide writes it: "8" and the 11 digits. */
  private static final Pattern RPPS = Pattern.compile("8[0-9]{11}");
  private static final Set<String> SLOT_STATUSES = Set.of("free", "busy", "busy-unavailable", "busy-tentative",
      "entered-in-error");

  private SearchParameters() {
  }

  static SlotSearchQuery parse(MultiMap params, String rawQuery, boolean strict) {
    List<String> unknown = params.names().stream().filter(n -> !KNOWN.contains(n)).sorted().toList();
    if (strict && !unknown.isEmpty()) {
      throw FhirFailure.invalid("Paramètre de recherche non pris en charge : " + String.join(", ", unknown));
    }
    Instant[] window = window(params.getAll("start"));
    return new SlotSearchQuery(window[0], window[1], rpps(params.getAll(IDENTIFIER)), free(params.getAll("status")),
        includes(params, strict), selfQuery(rawQuery));
  }

  private static Instant[] window(List<String> values) {
    Instant from = null;
    Instant to = null;
    for (String value : values) {
      // A '+' of the offset sent unencoded arrives as a space once the query is decoded.
      String v = value.trim().replace(' ', '+');
      if (v.startsWith("ge") && from == null) {
        from = bound(v.substring(2), false);
      } else if (v.startsWith("le") && to == null) {
        to = bound(v.substring(2), true);
      } else {
        throw FhirFailure.invalid("start : une borne « ge » et une borne « le », une seule de chaque (reçu « "
            + value + " »)");
      }
    }
    if (from == null || to == null) {
      throw FhirFailure.invalid("start : les deux bornes sont obligatoires (start=ge… et start=le…)");
    }
    return new Instant[] {from, to};
  }

  /** A date-time with its offset, or a date (a whole day in Europe/Paris). */
  private static Instant bound(String value, boolean upper) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return upper ? day.plusDays(1).atStartOfDay(SqlTime.PARIS).toInstant().minus(1, ChronoUnit.MICROS)
            : day.atStartOfDay(SqlTime.PARIS).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw FhirFailure.invalid("start : date malformée « " + value
          + " » (attendu par exemple 2024-06-12T16:20:00.000+02:00 ou 2024-06-12)");
    }
  }

  private static List<String> rpps(List<String> values) {
    if (values.isEmpty()) {
      throw FhirFailure.invalid(IDENTIFIER + " : au moins un identifiant RPPS est obligatoire");
    }
    if (values.size() > 1) {
      throw FhirFailure.invalid(IDENTIFIER + " : un seul paramètre, les identifiants séparés par des virgules");
    }
    String[] tokens = values.get(0).split(",", -1);
    if (tokens.length > MAX_IDENTIFIERS) {
      throw FhirFailure.invalid(IDENTIFIER + " : au plus " + MAX_IDENTIFIERS + " identifiants (reçu "
          + tokens.length + ")");
    }
    List<String> rpps = new ArrayList<>();
    for (String token : tokens) {
      int bar = token.indexOf('|');
      String system = bar < 0 ? null : token.substring(0, bar);
      String value = bar < 0 ? token : token.substring(bar + 1);
      if (value.isBlank()) {
        throw FhirFailure.invalid(IDENTIFIER + " : identifiant vide");
      }
      // Only the RPPS system's "8" + 11 digits can name one of our professionals; anything else matches nobody.
      if ((system == null || system.equals(Canonicals.RPPS_SYSTEM)) && RPPS.matcher(value).matches()) {
        rpps.add(value.substring(1));
      }
    }
    return rpps;
  }

  private static boolean free(List<String> values) {
    if (values.size() != 1) {
      throw FhirFailure.invalid("status : obligatoire, une seule fois (status=free)");
    }
    List<String> codes = List.of(values.get(0).split(","));
    if (!SLOT_STATUSES.containsAll(codes)) {
      throw FhirFailure.invalid("status : code inconnu « " + values.get(0) + " »");
    }
    return codes.contains("free");
  }

  private static Set<Include> includes(MultiMap params, boolean strict) {
    Set<Include> includes = EnumSet.noneOf(Include.class);
    List<String> values = new ArrayList<>(params.getAll("_include"));
    values.addAll(params.getAll("_include:iterate"));
    values.addAll(params.getAll("_include:recurse"));
    for (String value : values) {
      Include.of(value).ifPresentOrElse(includes::add, () -> {
        if (strict) {
          throw FhirFailure.notSupported("_include non pris en charge : " + value);
        }
      });
    }
    return includes;
  }

  /** The query as understood: the known parameters, in the order sent, as sent. */
  private static String selfQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (KNOWN.contains(name)) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }
}
