package fr.aiguillage.indicators.http;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.indicators.model.Figure;
import fr.aiguillage.indicators.model.FigureValue;
import fr.aiguillage.indicators.model.PeriodFigures;
import fr.aiguillage.indicators.model.Report;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The JSON answer, shaped by the catalogue: each period holds one object per figure group ({@code calls},
 * {@code triage}, {@code snp}, {@code agenda}, {@code mt}, {@code push}, {@code rota}, {@code sas}), each figure
 * under its name. Exact figures: the
 * small-count rule is for exports (the coordinator of the territory reads the JSON).
 */
final class ReportJson {

  private ReportJson() {
  }

  static JsonObject of(Report report) {
    JsonArray periods = new JsonArray();
    report.periods().forEach(p -> periods.add(period(p, report)));
    return new JsonObject()
        .put("territories", new JsonArray(report.territories()))
        .put("from", time(report.from()))
        .put("to", time(report.to()))
        .put("granularity", report.granularity().sqlUnit())
        .put("generatedAt", time(report.generatedAt()))
        .put("total", period(report.total(), report))
        .put("periods", periods);
  }

  private static JsonObject period(PeriodFigures p, Report report) {
    JsonObject json = new JsonObject().put("period", p.label()).put("start", time(p.start())).put("end", time(p.end()));
    for (Figure f : report.figures()) {
      FigureValue value = p.values().get(f.code());
      if (value != null) {
        JsonObject group = json.getJsonObject(f.group());
        if (group == null) {
          group = new JsonObject();
          json.put(f.group(), group);
        }
        group.put(f.name(), value(value));
      }
    }
    return json;
  }

  private static Object value(FigureValue value) {
    if (value instanceof FigureValue.Count c) {
      return c.value();
    }
    if (value instanceof FigureValue.Share s) {
      return s.value();
    }
    if (value instanceof FigureValue.Measure m) {
      return m.rounded();
    }
    return new JsonObject(new java.util.LinkedHashMap<>(((FigureValue.Breakdown) value).counts()));
  }

  private static String time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, SqlTime.PARIS).toString();
  }
}
