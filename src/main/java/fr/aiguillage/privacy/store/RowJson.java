package fr.aiguillage.privacy.store;

import fr.aiguillage.db.ColumnNames;
import fr.aiguillage.db.SqlTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A row as the export shows it: columns in camelCase, times ISO-8601 in Paris with their offset. The export
 * carries whatever the tables hold, so its sections are dynamic JSON rather than one record per table.
 */
final class RowJson {


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
        out.put(ColumnNames.camel(row.getColumnName(i)), value);
      }
    }
    return out;
  }

  private static Object value(Object v) {
    if (v instanceof OffsetDateTime t) {
      return SqlTime.paris(t).toString();
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
}
