package fr.aiguillage.notify.channel;

import fr.aiguillage.notify.model.Claimed;
import fr.aiguillage.notify.model.Message;
import fr.aiguillage.notify.store.JournalStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/**
 * The channel used when no SMTP host or SMS gateway URL is configured: the message is written to the
 * {@code notification_journal} table, readable by the territory's staff, so a demo shows what would be sent.
 */
public final class Journal implements SmsGateway, MailTransport {

  private final Pool pool;
  private final Clock clock;
  private final JournalStore store = new JournalStore();

  public Journal(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public Future<Void> send(Claimed notice, Message message) {
    return store.write(pool, notice.id(), notice.territoryId(), message, clock.instant());
  }
}
