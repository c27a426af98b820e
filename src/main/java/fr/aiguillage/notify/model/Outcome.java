package fr.aiguillage.notify.model;

/** What the composer decided for a claimed row: a message to send, or nothing, and why. */
public record Outcome(Message message, String skipReason) {

  public static Outcome send(Message message) {
    return new Outcome(message, null);
  }

  public static Outcome skip(String reason) {
    return new Outcome(null, reason);
  }
}
