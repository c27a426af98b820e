package fr.aiguillage.scope;

import java.util.List;
import java.util.Map;

/**
 * What one operation of openapi.yaml takes: the ids the guard checks ({@code carried}), and, for names that look
 * like ids but place nothing in a territory, why ({@code notScoped}: name → reason). An operation with no carried
 * id says why in {@code reason}.
 */
public record OperationRow(String operationId, List<Carried> carried, Map<String, String> notScoped, String reason) {

  public boolean checksNothing() {
    return carried.isEmpty();
  }
}
