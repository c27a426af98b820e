package fr.aiguillage.events;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** One entry of the event log: an increasing id (for Last-Event-ID), a type, a territory, a JSON payload. */
public record DomainEvent(long id, Instant at, String type, String territoryId, JsonObject payload) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("at", at.toString()).put("type", type)
        .put("territoryId", territoryId).put("payload", payload);
  }

}
