package fr.aiguillage.notify.channel;

import fr.aiguillage.notify.model.Claimed;
import fr.aiguillage.notify.model.Message;
import io.vertx.core.Future;

/** Sends an SMS: an HTTP gateway, or the journal when none is configured. A failed Future is a failed attempt. */
public interface SmsGateway {

  Future<Void> send(Claimed notice, Message sms);
}
