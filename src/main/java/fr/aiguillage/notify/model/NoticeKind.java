package fr.aiguillage.notify.model;

/** What a message says, and to whom: the patient (confirmation, reminder, cancellation, move) or the professional. */
public enum NoticeKind {
  CONFIRMATION(false), REMINDER(false), CANCELLATION(false), PRO_BOOKING(true), PRO_CANCELLATION(true), MOVED(false);

  private final boolean toProfessional;

  NoticeKind(boolean toProfessional) {
    this.toProfessional = toProfessional;
  }

  public boolean toProfessional() {
    return toProfessional;
  }
}
