package fr.aiguillage.indicators;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.indicators.model.Figure;
import fr.aiguillage.indicators.model.FigureValue;
import fr.aiguillage.indicators.model.PeriodFigures;
import fr.aiguillage.indicators.model.Report;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as a spreadsheet reads it: one line per period, figure and detail (RFC 4180 through commons-csv),
 * UTF-8 with a byte-order mark, {@code ;} and decimal commas by default (a French spreadsheet), or {@code ,} and
 * decimal points. Small-count rule: a count below the threshold is written {@code <N}, and a share or a median
 * resting on fewer records than that is left empty, so nobody can be recognised in a small commune.
 */
public final class CsvExport {

  public static final List<String> HEADER = List.of("période", "début", "fin", "code", "indicateur", "détail",
      "valeur");
  private static final char BOM = '\uFEFF';

  private final int threshold;

  public CsvExport(int threshold) {
    this.threshold = threshold;
  }

  public String render(Report report, char separator) {
    StringBuilder out = new StringBuilder().append(BOM);
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator)
        .setHeader(HEADER.toArray(String[]::new)).get();
    DecimalFormat decimals = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(
        separator == ';' ? Locale.FRANCE : Locale.ROOT));
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      for (PeriodFigures period : report.periods()) {
        print(csv, period, report.figures(), decimals);
      }
      print(csv, report.total(), report.figures(), decimals);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void print(CSVPrinter csv, PeriodFigures period, List<Figure> figures, DecimalFormat decimals)
      throws IOException {
    String start = day(period.start());
    String end = day(period.end().minusNanos(1));
    for (Figure figure : figures) {
      FigureValue value = period.values().get(figure.code());
      if (value == null) {
        continue;
      }
      String label = figure.unit() == null ? figure.label() : figure.label() + " (" + figure.unit() + ")";
      for (List<String> cells : cells(value, decimals)) {
        csv.printRecord(period.label(), start, end, figure.code(), label, cells.get(0), cells.get(1));
      }
    }
  }

  /** The (detail, value) pairs of one figure: one pair, or one per key of a breakdown. */
  private List<List<String>> cells(FigureValue value, DecimalFormat decimals) {
    List<List<String>> rows = new ArrayList<>();
    if (value instanceof FigureValue.Count c) {
      rows.add(List.of("", count(c.value())));
    } else if (value instanceof FigureValue.Share s) {
      rows.add(List.of("", s.base() < threshold || s.value() == null ? "" : decimals.format(s.value() * 100)));
    } else if (value instanceof FigureValue.Measure m) {
      rows.add(List.of("", m.base() < threshold || m.rounded() == null ? "" : decimals.format(m.rounded())));
    } else {
      for (Map.Entry<String, Long> e : ((FigureValue.Breakdown) value).counts().entrySet()) {
        rows.add(List.of(e.getKey(), count(e.getValue())));
      }
    }
    return rows;
  }

  private String count(long n) {
    return n < threshold ? "<" + threshold : Long.toString(n);
  }

  private static String day(Instant instant) {
    return instant.atZone(SqlTime.PARIS).toLocalDate().toString();
  }
}
