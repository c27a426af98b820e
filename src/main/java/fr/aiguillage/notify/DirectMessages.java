package fr.aiguillage.notify;

import fr.aiguillage.notify.channel.MailTransport;
import fr.aiguillage.notify.channel.SmsGateway;
import fr.aiguillage.notify.model.Channel;
import fr.aiguillage.notify.model.Claimed;
import fr.aiguillage.notify.model.Message;
import io.vertx.core.Future;

import java.time.Clock;

/**
 * Sends a message of the {@link DirectOutbox} (composed by another module) through the channels configured here: the
 * SMS gateway and SMTP, or the journal when none is set. A failed Future is a failed attempt; the outbox retries.
 */
final class DirectMessages {

  private final Clock clock;
  private final SmsGateway sms;
  private final MailTransport mail;

  DirectMessages(Clock clock, SmsGateway sms, MailTransport mail) {
    this.clock = clock;
    this.sms = sms;
    this.mail = mail;
  }

  /** {@code channel} "SMS" (recipient E.164) or "EMAIL" (with a subject). */
  Future<Void> send(String territoryId, String channel, String recipient, String subject, String text) {
    Channel c = Channel.valueOf(channel);
    Claimed claimed = new Claimed(null, null, territoryId, null, c, 0, clock.instant());
    Message message = new Message(c, recipient, subject, text, null, null,
        c == Channel.SMS ? SmsSegments.count(text) : null);
    return c == Channel.SMS ? sms.send(claimed, message) : mail.send(claimed, message);
  }
}
