package fr.aiguillage.push;

import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.push.model.AnonymousView;
import fr.aiguillage.push.model.PushRequest;
import fr.aiguillage.push.model.PushStatus;
import fr.aiguillage.push.store.PushStore;
import fr.aiguillage.push.store.RecipientStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reads a request as the senders see it (everything) and as a recipient sees it (nothing identifying). */
final class PushViews {

  private final TerritoryService territories;
  private final PushStore store = new PushStore();
  private final RecipientStore recipients = new RecipientStore();

  PushViews(TerritoryService territories) {
    this.territories = territories;
  }

  Future<PushRequest> full(SqlClient db, UUID id) {
    return bare(db, id).compose(r -> recipients.ofRequest(db, id).map(r::withRecipients));
  }

  Future<PushRequest> bare(SqlClient db, UUID id) {
    return store.find(db, id, false).map(found -> named(found.orElseThrow(() -> new NotFound("push request " + id))));
  }

  PushRequest named(PushRequest r) {
    return r.withCommune(territories.place(r.communeInsee()).map(p -> p.commune().name()).orElse(r.communeInsee()));
  }

  /** The recipient's view: closed once the request is no longer open. */
  static AnonymousView anonymous(PushRequest r, RecipientStore.Held held, Professional me) {
    List<AnonymousView.SiteRef> sites = me.sites().stream()
        .map(s -> new AnonymousView.SiteRef(s.id(), s.name() + ", " + s.address())).toList();
    OffsetDateTime asked = held.askedAt();
    return new AnonymousView(r.id(), r.status(), r.profession(), r.skill(), r.urgency(), r.deadline(), r.commune(),
        r.ageBand(), r.sex(), r.complaint(), r.note(), asked, sites, r.status() != PushStatus.OPEN);
  }
}
