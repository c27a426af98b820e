package fr.aiguillage.db;

/** SQL column names as the API spells fields: {@code birth_date} → {@code birthDate}. */
public final class ColumnNames {

  private ColumnNames() {
  }

  public static String camel(String column) {
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
