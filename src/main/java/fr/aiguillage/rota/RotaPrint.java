package fr.aiguillage.rota;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.rota.model.GridPlace;
import fr.aiguillage.rota.model.MonthView;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The printable month (A4 landscape, one page per sector): days × bands, the holders of each place and the gaps
 * (« non pourvue »), in French, for the coordinator. Rendered with mustache.java (every value escaped); its one
 * stylesheet is inline and allowed by its hash in the page's own Content-Security-Policy.
 */
public final class RotaPrint {

  static final String CSS = "@page{size:A4 landscape;margin:8mm}body{font:8pt/1.25 sans-serif;color:#000}"
      + "h1{font-size:12pt;margin:0 0 2mm}.meta{margin:0 0 2mm}.sector{page-break-after:always}"
      + "table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border:0.3mm solid #555;padding:0.6mm 1mm;"
      + "vertical-align:top;text-align:left}thead th{background:#eee}.hours{font-weight:normal}"
      + ".weekend th,.weekend td{background:#f4f4f4}.gap{font-weight:bold;color:#a00000}.none{color:#777}";
  public static final String CSP = "default-src 'none'; style-src '" + hash(CSS) + "'; base-uri 'none';"
      + " form-action 'none'; frame-ancestors 'none'";

  private static final Locale FR = Locale.FRENCH;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", FR);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", FR);
  private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", FR);

  private final Vertx vertx;
  private final Clock clock;
  private final AuditTrail audit;
  private final RotaMonths months;
  private final ProfessionalService professionals;
  private final Mustache template = new DefaultMustacheFactory("rota").compile("print.mustache");

  public RotaPrint(Vertx vertx, Clock clock, AuditTrail audit, RotaMonths months, ProfessionalService professionals) {
    this.vertx = vertx;
    this.clock = clock;
    this.audit = audit;
    this.months = months;
    this.professionals = professionals;
  }

  public Future<String> render(Caller caller, String territoryId, YearMonth month) {
    RotaAccess.coordinator(caller);
    return months.view(caller, territoryId, month).compose(view -> names(view).compose(names -> vertx
        .executeBlocking(() -> html(view, month, names), false))
        .compose(html -> audit.record(AuditEvent.of(caller, "rota.month.print", "rota_month", null, territoryId))
            .map(html)));
  }

  private Future<Map<UUID, String>> names(MonthView view) {
    List<UUID> ids = view.grid().stream().map(GridPlace::professionalId).filter(java.util.Objects::nonNull)
        .distinct().toList();
    List<Future<Optional<Professional>>> each = ids.stream().map(professionals::findForService).toList();
    return Future.all(each).map(all -> {
      Map<UUID, String> names = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        Optional<Professional> p = each.get(i).result();
        names.put(ids.get(i), p.map(x -> "Dr " + x.familyName() + " " + x.givenName()).orElse("?"));
      }
      return names;
    });
  }

  private String html(MonthView view, YearMonth month, Map<UUID, String> names) {
    Map<UUID, List<GridPlace>> bySector = view.grid().stream()
        .collect(Collectors.groupingBy(GridPlace::sectorId, LinkedHashMap::new, Collectors.toList()));
    List<Map<String, Object>> sectors = new ArrayList<>();
    bySector.values().forEach(places -> sectors.add(sector(places, names)));
    Map<String, Object> scope = new HashMap<>();
    scope.put("territory", view.territoryId());
    scope.put("month", month.format(MONTH));
    scope.put("status", switch (view.status()) {
      case OPEN -> "ouvert aux volontaires";
      case PROPOSED -> "proposé, non publié";
      case PUBLISHED -> "publié";
    });
    scope.put("printedAt", clock.instant().atZone(fr.aiguillage.db.SqlTime.PARIS).format(PRINTED));
    scope.put("css", CSS);
    sectors.forEach(s -> s.putAll(Map.of("territory", scope.get("territory"))));
    scope.put("sectors", sectors);
    StringWriter out = new StringWriter();
    template.execute(out, scope);
    return out.toString();
  }

  private static Map<String, Object> sector(List<GridPlace> places, Map<UUID, String> names) {
    Map<UUID, GridPlace> bands = new LinkedHashMap<>();
    places.stream().sorted(java.util.Comparator.comparing((GridPlace p) -> p.start().toLocalTime())
        .thenComparing(GridPlace::bandLabel)).forEach(p -> bands.putIfAbsent(p.bandId(), p));
    Map<LocalDate, List<GridPlace>> byDay = places.stream()
        .collect(Collectors.groupingBy(GridPlace::day, java.util.TreeMap::new, Collectors.toList()));
    List<Map<String, Object>> days = new ArrayList<>();
    byDay.forEach((day, ofDay) -> {
      List<Map<String, Object>> cells = new ArrayList<>();
      bands.keySet().forEach(band -> {
        List<Map<String, Object>> holders = ofDay.stream().filter(p -> p.bandId().equals(band))
            .sorted(java.util.Comparator.comparingInt(GridPlace::seat))
            .map(p -> Map.<String, Object>of("name", p.professionalId() == null ? "non pourvue"
                : names.get(p.professionalId()), "gap", p.professionalId() == null)).toList();
        cells.add(Map.of("holders", holders, "none", holders.isEmpty()));
      });
      days.add(Map.of("label", day.format(DAY), "cells", cells,
          "weekend", day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY));
    });
    long gaps = places.stream().filter(p -> p.professionalId() == null).count();
    Map<String, Object> sector = new HashMap<>();
    sector.put("name", places.get(0).sectorName());
    sector.put("bands", bands.values().stream().map(p -> Map.of("label", p.bandLabel(),
        "hours", p.start().format(HOUR) + "–" + p.end().format(HOUR))).toList());
    sector.put("days", days);
    sector.put("places", places.size());
    sector.put("held", places.size() - gaps);
    sector.put("gaps", gaps);
    return sector;
  }

  private static String hash(String css) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
