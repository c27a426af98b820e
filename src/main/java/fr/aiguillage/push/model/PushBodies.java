package fr.aiguillage.push.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request bodies of the push API. */
public final class PushBodies {

  private PushBodies() {
  }

  /** POST /push-requests: the triage says what is needed; the note is free (500 characters at most). */
  public record NewPushRequest(UUID triageId, UUID callId, String note, UUID mtProfessionalId) {
  }

  public record AcceptRequest(OffsetDateTime start, UUID siteId) {
  }

  public record ReasonRequest(String reason) {
  }

  /** A professional's choice to take requests, and when (Europe/Paris; no hours = at any hour). */
  public record ProSettings(boolean takesRequests, List<Hours> hours) {
  }

  /** ISO days (1 = Monday) and a local time range "08:00"–"19:00". */
  public record Hours(List<Integer> days, String start, String end) {
  }
}
