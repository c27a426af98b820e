package fr.aiguillage.rota;

import fr.aiguillage.rota.model.GridPlace;
import fr.aiguillage.rota.model.MonthView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The month's grid as a spreadsheet reads it, with the indicators export's conventions (issue 15): RFC 4180 through
 * commons-csv, UTF-8 with a byte-order mark, {@code ;} by default or {@code ,}; one line per place, a gap with an
 * empty holder. Professionals appear by id (no patient data at all).
 */
public final class RotaCsv {

  public static final List<String> HEADER = List.of("secteur", "jour", "plage", "début", "fin", "place",
      "professionnel", "raison", "cédée", "patients", "capacité");
  private static final char BOM = '\uFEFF';

  public String render(MonthView month, char separator) {
    StringBuilder out = new StringBuilder().append(BOM);
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator)
        .setHeader(HEADER.toArray(String[]::new)).get();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      for (GridPlace p : month.grid()) {
        csv.printRecord(p.sectorName(), p.day(), p.bandLabel(), p.start().toLocalTime(), p.end().toLocalTime(),
            p.seat() + 1, p.professionalId() == null ? "" : p.professionalId(),
            p.reason() == null ? "non pourvue" : p.reason().name(), p.givenAway() ? "oui" : "non", p.booked(),
            p.capacity());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
