package fr.aiguillage.notify.channel;

import fr.aiguillage.notify.model.Claimed;
import fr.aiguillage.notify.model.Message;
import io.vertx.core.Future;

/** Sends an e-mail: SMTP, or the journal when no server is configured. A failed Future is a failed attempt. */
public interface MailTransport {

  Future<Void> send(Claimed notice, Message mail);
}
