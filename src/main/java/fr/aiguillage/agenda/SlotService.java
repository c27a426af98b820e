package fr.aiguillage.agenda;

import java.util.Optional;
import java.util.Set;
import fr.aiguillage.agenda.model.NewSlot;
import fr.aiguillage.agenda.model.SearchResult;
import fr.aiguillage.agenda.model.SlotDetail;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotQuery;
import fr.aiguillage.agenda.model.SlotSource;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.agenda.store.SlotStore;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Single slots: publish one, list them, block or free one, cancel one. */
public final class SlotService {

  static final Duration MIN_LENGTH = Duration.ofMinutes(5);
  static final Duration MAX_LENGTH = Duration.ofHours(12);
  private static final Duration MAX_LISTING = Duration.ofDays(92);

  private final Pool pool;
  /** The search pool (plans kept, decision 0005): for the SAS's free-slot read, written for a generic plan. */
  private final Pool searchPool;
  private final Clock clock;
  private final AuditTrail audit;
  private final AgendaAccess access;
  private final int horizonDays;
  private final SlotStore slots = new SlotStore();

  public SlotService(Pool pool, Pool searchPool, Clock clock, AuditTrail audit, AgendaAccess access,
                     int horizonDays) {
    this.pool = pool;
    this.searchPool = searchPool;
    this.clock = clock;
    this.audit = audit;
    this.access = access;
    this.horizonDays = horizonDays;
  }

  public Future<Slot> create(Caller caller, UUID professionalId, NewSlot request) {
    checkTimes(request);
    Slot slot = new Slot(UUID.randomUUID(), professionalId, request.siteId(), request.kind(), SlotStatus.FREE,
        request.start(), request.end(), SlotSource.MANUAL, null);
    return access.toManage(caller, professionalId)
        .map(p -> {
          AgendaAccess.requireSite(p, request.siteId());
          return p;
        })
        .compose(p -> pool.withTransaction(tx -> slots.insert(tx, slot, clock.instant())
            .compose(v -> audit.record(tx, event(caller, "slot.create", slot.id(), p.territories())))))
        .recover(e -> overlap(e, slot))
        .compose(v -> slots.findById(pool, slot.id(), false).map(found -> found.orElseThrow()));
  }

  public Future<List<Slot>> list(Caller caller, SlotQuery query) {
    Instant from = query.from() != null ? query.from() : clock.instant();
    Instant to = query.to() != null ? query.to() : from.plus(Duration.ofDays(horizonDays));
    if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_LISTING) > 0) {
      return Future.failedFuture(new Invalid("to", "must be after from, at most 92 days later"));
    }
    SlotQuery bounded = new SlotQuery(query.professionalId(), from, to, query.status(), query.kind());
    return access.toRead(caller, query.professionalId()).compose(p -> slots.find(pool, bounded));
  }

  /** One slot with its professional and site, for whoever may read that professional's agenda. */
  public Future<SlotDetail> get(Caller caller, UUID slotId) {
    return slots.findById(pool, slotId, false)
        .map(found -> found.orElseThrow(() -> new NotFound("slot " + slotId)))
        .compose(slot -> access.toRead(caller, slot.professionalId()).map(p -> detail(slot, p)));
  }

  private static SlotDetail detail(Slot slot, Professional p) {
    Site site = p.sites().stream().filter(s -> s.id().equals(slot.siteId())).findFirst().orElseThrow();
    return new SlotDetail(slot, new SearchResult.ProfessionalSummary(p.id(), p.familyName(), p.givenName(),
        p.profession().name(), p.phone()), new SearchResult.SiteSummary(site.id(), site.name(), site.address(),
        site.communeInsee(), site.lat(), site.lon()));
  }

  /** For the calendar feed: a professional's free SNP slots in the window, and a fingerprint of them. */
  public Future<List<Slot>> freeSnp(UUID professionalId, Instant from, Instant to) {
    return slots.find(pool, new SlotQuery(professionalId, from, to, SlotStatus.FREE,
        fr.aiguillage.agenda.model.SlotKind.SNP));
  }

  /** The professional's next free slot of this kind within the horizon, if any. */
  public Future<java.util.Optional<Slot>> nextFree(UUID professionalId, fr.aiguillage.agenda.model.SlotKind kind) {
    Instant now = clock.instant();
    return slots.find(pool, new SlotQuery(professionalId, now, now.plus(Duration.ofDays(horizonDays)),
        SlotStatus.FREE, kind)).map(found -> found.stream().findFirst());
  }

  /**
   * For other modules (the SAS interface): free slots of these professionals and kinds starting in
   * [from, to], never one that has started.
   */
  public Future<List<Slot>> freeOf(List<UUID> professionalIds, Instant from, Instant to,
                                   java.util.Set<fr.aiguillage.agenda.model.SlotKind> kinds) {
    if (professionalIds.isEmpty() || kinds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return slots.findFree(searchPool, professionalIds, from, to, clock.instant(), kinds);
  }

  /** For other modules: one slot, whatever the caller (they apply their own rules). */
  public Future<java.util.Optional<Slot>> findForService(UUID slotId) {
    return slots.findById(pool, slotId, false);
  }

  public Future<String> fingerprint(UUID professionalId, Instant from, Instant to) {
    return slots.fingerprint(pool, professionalId, from, to);
  }

  /** Blocks or frees a slot; a booked or cancelled one cannot change this way. */
  public Future<Slot> changeStatus(Caller caller, UUID slotId, SlotStatus target) {
    if (target != SlotStatus.BLOCKED && target != SlotStatus.FREE) {
      return Future.failedFuture(new Invalid("status", "must be blocked or free"));
    }
    return mayManage(caller, slotId).compose(allowed -> pool.withTransaction(tx -> lockChangeable(tx, slotId)
        .compose(slot -> slots.setStatus(tx, slotId, target, clock.instant())
            .compose(v -> audit.record(tx, AuditEvent.of(caller, "slot." + target.wire(), "slot", slotId, null)))
            .map(v -> withStatus(slot, target)))));
  }

  /** Cancels a free or blocked slot; cancelling twice is harmless. */
  public Future<Void> cancel(Caller caller, UUID slotId) {
    return mayManage(caller, slotId).compose(allowed -> pool.withTransaction(tx -> slots.findById(tx, slotId, true)
        .map(found -> found.orElseThrow(() -> new NotFound("slot " + slotId)))
        .compose(slot -> switch (slot.status()) {
          case CANCELLED -> Future.<Void>succeededFuture();
          case BOOKED -> Future.<Void>failedFuture(booked(slot));
          default -> slots.setStatus(tx, slotId, SlotStatus.CANCELLED, clock.instant())
              .compose(v -> audit.record(tx, AuditEvent.of(caller, "slot.cancel", "slot", slotId, null)));
        })));
  }

  /** Checked before the transaction: the directory lookup takes its own connection. */
  private Future<Void> mayManage(Caller caller, UUID slotId) {
    return slots.findById(pool, slotId, false)
        .map(found -> found.orElseThrow(() -> new NotFound("slot " + slotId)))
        .compose(slot -> access.toManage(caller, slot.professionalId()))
        .mapEmpty();
  }

  private Future<Slot> lockChangeable(SqlClient tx, UUID slotId) {
    return slots.findById(tx, slotId, true)
        .map(found -> found.orElseThrow(() -> new NotFound("slot " + slotId)))
        .map(slot -> {
          if (slot.status() == SlotStatus.BOOKED) {
            throw booked(slot);
          }
          if (slot.status() == SlotStatus.CANCELLED) {
            throw new Conflict("SLOT_CANCELLED", "slot " + slot.id() + " is cancelled");
          }
          return slot;
        });
  }

  private void checkTimes(NewSlot request) {
    Duration length = Duration.between(request.start(), request.end());
    if (!request.end().isAfter(request.start())) {
      throw new Invalid("end", "must be after start");
    }
    if (length.compareTo(MIN_LENGTH) < 0 || length.compareTo(MAX_LENGTH) > 0) {
      throw new Invalid("end", "a slot lasts between 5 minutes and 12 hours");
    }
    if (request.start().toInstant().isBefore(clock.instant())) {
      throw new Invalid("start", "slots in the past cannot be created");
    }
  }

  private <T> Future<T> overlap(Throwable e, Slot slot) {
    if (e instanceof PgException pg && "23P01".equals(pg.getSqlState())) {
      return slots.findOverlapping(pool, slot.professionalId(), slot.start(), slot.end())
          .compose(other -> Future.failedFuture(new Conflict("SLOT_OVERLAP",
              other.map(o -> "overlaps slot " + o.id() + " (" + o.start() + " – " + o.end() + ")")
                  .orElse("overlaps another slot of this professional"),
              other.<Map<String, Object>>map(o -> Map.of("conflictingSlotId", o.id().toString())).orElse(Map.of()))));
    }
    return Future.failedFuture(e);
  }

  static Conflict booked(Slot slot) {
    return new Conflict("SLOT_BOOKED", "slot " + slot.id() + " is booked; cancel the appointment first");
  }

  private static Slot withStatus(Slot s, SlotStatus status) {
    return new Slot(s.id(), s.professionalId(), s.siteId(), s.kind(), status, s.start(), s.end(), s.source(),
        s.ruleId());
  }

  static AuditEvent event(Caller caller, String action, UUID id, List<String> territories) {
    return AuditEvent.of(caller, action, "slot", id, territories.isEmpty() ? null : territories.get(0));
  }

  /** The territory of the slot's site; empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return slots.territoriesOf(pool, id);
  }
}
