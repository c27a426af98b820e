package fr.aiguillage.notify.channel;

/** A send that did not go through, described without personal data (a status code, a class of error). */
public final class SendFailed extends RuntimeException {

  public SendFailed(String detail) {
    super(detail, null, false, false);
  }
}
