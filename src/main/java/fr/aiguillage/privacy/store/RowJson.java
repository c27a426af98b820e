package fr.aiguillage.privacy.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A row as the export shows it: columns in camelCase, times ISO-8601 in Paris with their offset. The export
 * carries whatever the tables hold, so its sections are dynamic JSON rather than one record per table.
 */
final class RowJson {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private RowJson() {
  }

  static JsonArray all(RowSet<Row> rows) {
    JsonArray out = new JsonArray();
    rows.forEach(row -> out.add(of(row)));
    return out;
  }

  static JsonObject of(Row row) {
    JsonObject out = new JsonObject();
    for (int i = 0; i < row.size(); i++) {
      Object value = value(row.getValue(i));
      if (value != null) {
        out.put(camel(row.getColumnName(i)), value);
      }
    }
    return out;
  }

  private static Object value(Object v) {
    if (v instanceof OffsetDateTime t) {
      return t.atZoneSameInstant(PARIS).toOffsetDateTime().toString();
    }
    if (v instanceof LocalDate || v instanceof java.util.UUID || v instanceof java.math.BigDecimal) {
      return v.toString();
    }
    if (v instanceof Object[] array) {
      JsonArray out = new JsonArray();
      for (Object item : array) {
        out.add(value(item));
      }
      return out;
    }
    if (v instanceof io.vertx.core.buffer.Buffer) {
      return null;
    }
    return v;
  }

  static String camel(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
