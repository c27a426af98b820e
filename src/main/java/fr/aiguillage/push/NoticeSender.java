package fr.aiguillage.push;

import fr.aiguillage.notify.DirectMessages;
import fr.aiguillage.push.store.NoticeStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends the links' messages from the push outbox through issue 16's channels; what is kept loses the link. */
final class NoticeSender {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeSender.class);
  private static final Pattern LINK = Pattern.compile("\\S*/demande/[A-Za-z0-9_-]{43}");

  private final Pool pool;
  private final Clock clock;
  private final DirectMessages channels;
  private final NoticeStore store = new NoticeStore();

  NoticeSender(Pool pool, Clock clock, DirectMessages channels) {
    this.pool = pool;
    this.clock = clock;
    this.channels = channels;
  }

  Future<Integer> runOnce() {
    return pool.withTransaction(tx -> store.claim(tx, 200).compose(claimed -> {
      Future<Void> chain = Future.succeededFuture();
      for (NoticeStore.Notice n : claimed) {
        chain = chain.compose(v -> send(tx, n));
      }
      return chain.map(claimed.size());
    }));
  }

  private Future<Void> send(SqlClient tx, NoticeStore.Notice n) {
    return channels.send(n.territoryId(), n.channel(), n.recipient(), n.subject(), n.body())
        .transform(sent -> {
          if (sent.succeeded()) {
            return store.sent(tx, n.id(), withoutLink(n.body()), clock.instant());
          }
          LOG.warn("Push notice {} not sent: {}", n.id(), sent.cause().getClass().getSimpleName());
          return store.failed(tx, n.id());
        });
  }

  static String withoutLink(String text) {
    return LINK.matcher(text).replaceAll(Matcher.quoteReplacement("[lien]"));
  }
}
