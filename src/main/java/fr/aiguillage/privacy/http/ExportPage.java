package fr.aiguillage.privacy.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The export as a page a patient can read: French headings and labels, dates written out, one table per kind of
 * record. No script and no style (the page is a document, printable as is); every value escaped.
 */
final class ExportPage {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' H 'h' mm", Locale.FRANCE);

  private static final Map<String, String> SECTIONS = Map.of(
      "calls", "Appels reçus", "triages", "Évaluations de la demande (triage)", "appointments", "Rendez-vous",
      "waitlistRequests", "Demandes de médecin traitant", "waitlistHistory", "Historique de ces demandes",
      "proposals", "Propositions faites à des médecins", "notifications", "Messages envoyés",
      "accessLog", "Qui a consulté ou modifié votre dossier, et quand");

  private static final String[] ORDER = {"calls", "triages", "appointments", "waitlistRequests", "waitlistHistory",
      "proposals", "notifications", "accessLog"};

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("id", "Identifiant"), Map.entry("familyName", "Nom"), Map.entry("givenName", "Prénom"),
      Map.entry("birthDate", "Date de naissance"), Map.entry("phone", "Téléphone"),
      Map.entry("communeName", "Commune"), Map.entry("sex", "Sexe"), Map.entry("fragility", "Situations"),
      Map.entry("hasMt", "A un médecin traitant"), Map.entry("createdAt", "Créé le"),
      Map.entry("updatedAt", "Modifié le"), Map.entry("erasedAt", "Identité effacée le"),
      Map.entry("at", "Date"), Map.entry("login", "Compte"), Map.entry("action", "Action"),
      Map.entry("outcome", "Résultat"), Map.entry("startAt", "Début"), Map.entry("endAt", "Fin"),
      Map.entry("status", "État"), Map.entry("reason", "Motif"), Map.entry("complaint", "Motif d'appel"),
      Map.entry("urgency", "Urgence"), Map.entry("professionalFamilyName", "Nom du professionnel"),
      Map.entry("professionalGivenName", "Prénom du professionnel"), Map.entry("profession", "Profession"),
      Map.entry("territoryId", "Territoire"), Map.entry("callerE164", "Numéro appelant"),
      Map.entry("note", "Note"), Map.entry("notes", "Notes"), Map.entry("closeReason", "Motif de clôture"),
      Map.entry("entityType", "Élément"), Map.entry("entityId", "Identifiant de l'élément"),
      Map.entry("advice", "Conseil donné"), Map.entry("redFlags", "Signes d'alerte"));

  private ExportPage() {
  }

  static String render(JsonObject export) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
        + "<title>Données vous concernant</title></head><body><main>"
        + "<h1>Données détenues par le secrétariat de coordination vous concernant</h1>");
    html.append("<p>Document établi le ").append(text(export.getString("generatedAt"))).append(".</p>");
    html.append("<h2>Identité</h2>");
    table(html, new JsonArray().add(export.getJsonObject("patient")), true);
    for (String section : ORDER) {
      JsonArray rows = export.getJsonArray(section, new JsonArray());
      html.append("<h2>").append(escape(SECTIONS.get(section))).append("</h2>");
      if (rows.isEmpty()) {
        html.append("<p>Aucun élément.</p>");
      } else {
        table(html, rows, false);
      }
    }
    return html.append("</main></body></html>\n").toString();
  }

  /** One row: label/value lines; several rows: one line each, a column per field. */
  private static void table(StringBuilder html, JsonArray rows, boolean vertical) {
    html.append("<table>");
    if (vertical) {
      rows.getJsonObject(0).forEach(e -> html.append("<tr><th scope=\"row\">").append(escape(label(e.getKey())))
          .append("</th><td>").append(text(e.getValue())).append("</td></tr>"));
      html.append("</table>");
      return;
    }
    java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
    rows.forEach(r -> columns.addAll(((JsonObject) r).fieldNames()));
    html.append("<thead><tr>");
    columns.forEach(c -> html.append("<th scope=\"col\">").append(escape(label(c))).append("</th>"));
    html.append("</tr></thead><tbody>");
    rows.forEach(r -> {
      html.append("<tr>");
      columns.forEach(c -> html.append("<td>").append(text(((JsonObject) r).getValue(c))).append("</td>"));
      html.append("</tr>");
    });
    html.append("</tbody></table>");
  }

  private static String label(String field) {
    return LABELS.getOrDefault(field, field);
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean b) {
      return b ? "oui" : "non";
    }
    String raw = value instanceof JsonArray a ? String.join(", ", a.stream().map(String::valueOf).toList())
        : String.valueOf(value);
    if (raw.length() > 19 && raw.charAt(10) == 'T') {
      try {
        return escape(OffsetDateTime.parse(raw).atZoneSameInstant(fr.aiguillage.db.SqlTime.PARIS).format(WHEN));
      } catch (DateTimeParseException e) {
        return escape(raw);
      }
    }
    return escape(raw);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
