package fr.aiguillage.waitlist;

import java.util.Optional;
import java.util.Set;
import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.waitlist.model.Proposal;
import fr.aiguillage.waitlist.model.WaitlistStatus;
import fr.aiguillage.waitlist.store.ProposalStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Matching with free choice: a coordinator proposes a patient to a GP; the GP answers, the patient's answer
 * is recorded by the coordinator; when both agree the request is ASSIGNED, the GP's capacity goes down by
 * one atomically and the patient has a médecin traitant. A decline on either side reopens the request.
 */
public final class Proposals {

  /** A GP who could become the patient's médecin traitant, nearest first. */
  public record Candidate(UUID professionalId, String familyName, String givenName, String phone, int mtCapacity,
                          String communeInsee, double distanceKm, Slot nextFirstVisit) {
  }

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final WaitlistService waitlist;
  private final PatientService patients;
  private final ProfessionalService professionals;
  private final TerritoryService territories;
  private final SlotService slots;
  private final ProposalStore store = new ProposalStore();

  public Proposals(Pool pool, Clock clock, AuditTrail audit, WaitlistService waitlist, PatientService patients,
                   ProfessionalService professionals, TerritoryService territories, SlotService slots) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.waitlist = waitlist;
    this.patients = patients;
    this.professionals = professionals;
    this.territories = territories;
    this.slots = slots;
  }

  public Future<List<Candidate>> candidates(Caller caller, UUID requestId) {
    return waitlist.load(pool, caller, requestId, false, false).compose(r -> patients.get(caller, r.patientId()))
        .compose(patient -> {
          var place = territories.place(patient.communeInsee()).orElseThrow();
          return professionals.gpsWithCapacity(caller.account().territories()).map(gps -> gps.stream()
              .map(gp -> nearest(gp, place.commune().lat(), place.commune().lon()))
              .sorted(Comparator.comparingDouble(Candidate::distanceKm)).limit(20).toList());
        })
        .compose(list -> Future.all(list.stream().map(c -> slots.nextFree(c.professionalId(), SlotKind.MT_FIRST_VISIT)
            .map(next -> new Candidate(c.professionalId(), c.familyName(), c.givenName(), c.phone(), c.mtCapacity(),
                c.communeInsee(), c.distanceKm(), next.orElse(null)))).toList())
            .map(all -> all.<Candidate>list()));
  }

  public Future<Proposal> propose(Caller caller, UUID requestId, UUID professionalId, String notes) {
    UUID id = UUID.randomUUID();
    return professionals.findForService(professionalId).compose(found -> {
      Professional gp = found.orElseThrow(() -> new Invalid("professionalId", "no such professional"));
      if (gp.profession() != fr.aiguillage.directory.model.Profession.GENERAL_PRACTITIONER || gp.mtCapacity() <= 0) {
        throw new Conflict("NO_MT_CAPACITY", "this professional takes no new patients as médecin traitant");
      }
      return pool.withTransaction(tx -> waitlist.load(tx, caller, requestId, true, false).compose(r -> {
        if (r.status() != WaitlistStatus.OPEN) {
          return Future.failedFuture(new Conflict("WAITLIST_NOT_OPEN", "this request is " + r.status()));
        }
        return store.insert(tx, id, requestId, professionalId, notes, caller.accountId(), clock.instant())
            .compose(v -> waitlist.transition(tx, caller, r, WaitlistStatus.PROPOSED, null, null,
                "proposed to " + gp.givenName() + " " + gp.familyName()));
      }));
    }).compose(v -> view(id));
  }

  /** The proposals made to the calling GP, with only what they need of each patient. */
  public Future<List<Proposal>> mine(Caller caller) {
    UUID me = ownProfessional(caller);
    return store.forProfessional(pool, me).compose(found -> Future.all(found.stream().map(p -> view(p.id())).toList())
        .map(all -> all.<Proposal>list()));
  }

  public Future<Proposal> gpAnswer(Caller caller, UUID proposalId, boolean accept, String reason) {
    UUID me = ownProfessional(caller);
    if (!accept && (reason == null || reason.isBlank())) {
      throw new Invalid("reason", "a decline needs its reason");
    }
    return answer(caller, proposalId, true, accept, reason, p -> {
      if (!p.professionalId().equals(me)) {
        throw new Forbidden("this proposal is for another GP");
      }
    });
  }

  public Future<Proposal> patientAnswer(Caller caller, UUID proposalId, boolean accept, String reason) {
    WaitlistService.requireManager(caller);
    return answer(caller, proposalId, false, accept, reason, p -> { });
  }

  private Future<Proposal> answer(Caller caller, UUID proposalId, boolean gp, boolean accept, String reason,
                                  java.util.function.Consumer<ProposalStore.Stored> check) {
    return pool.withTransaction(tx -> store.findById(tx, proposalId, true).compose(found -> {
      ProposalStore.Stored p = found.orElseThrow(() -> new NotFound("proposal " + proposalId));
      check.accept(p);
      if (!"PENDING".equals(p.status())) {
        return Future.failedFuture(new Conflict("PROPOSAL_ANSWERED", "this proposal is " + p.status()));
      }
      String answer = accept ? "ACCEPTED" : "DECLINED";
      String otherSide = gp ? p.patientAnswer() : p.gpAnswer();
      String status = !accept ? "DECLINED" : "ACCEPTED".equals(otherSide) ? "ACCEPTED" : "PENDING";
      return store.answer(tx, proposalId, gp, answer, reason, status, clock.instant())
          .compose(updated -> settle(tx, caller, updated, gp, reason));
    })).compose(v -> view(proposalId));
  }

  /** Once both sides agreed: assign; once one declined: back to OPEN. Audited and in the history. */
  private Future<Void> settle(SqlClient tx, Caller caller, ProposalStore.Stored p, boolean gp, String reason) {
    return switch (p.status()) {
      case "ACCEPTED" -> professionals.takeMtCapacity(tx, p.professionalId())
          .compose(v -> waitlist.loadAny(tx, p.requestId()))
          .compose(r -> patients.markHasMt(tx, r.patientId())
              .compose(v -> waitlist.transition(tx, caller, r, WaitlistStatus.ASSIGNED, null, p.professionalId(),
                  "both agreed")));
      case "DECLINED" -> waitlist.loadAny(tx, p.requestId()).compose(r -> waitlist.transition(tx, caller, r,
          WaitlistStatus.OPEN, null, null, (gp ? "declined by the GP: " : "declined by the patient: ")
              + Objects.requireNonNullElse(reason, "")));
      default -> Future.succeededFuture();
    };
  }

  /** GPs of the territory with room for new patients, and how much room in all. */
  public Future<io.vertx.core.json.JsonObject> capacity(String territory) {
    return professionals.gpsWithCapacity(List.of(territory)).map(gps -> new io.vertx.core.json.JsonObject()
        .put("gpsWithCapacity", gps.size()).put("totalCapacity", gps.stream().mapToInt(Professional::mtCapacity).sum()));
  }


  private Future<Proposal> view(UUID proposalId) {
    return store.findById(pool, proposalId, false).compose(found -> {
      ProposalStore.Stored p = found.orElseThrow();
      return waitlist.loadAny(pool, p.requestId()).compose(r -> patients.forFeed(List.of(r.patientId()))
          .map(people -> {
            Patient patient = people.get(r.patientId());
            int age = Period.between(patient.birthDate(), waitlist.today()).getYears();
            return new Proposal(p.id(), p.requestId(), p.professionalId(), p.status(), p.gpAnswer(), p.gpReason(),
                p.patientAnswer(), p.patientReason(), new Proposal.Patient(patient.familyName(), patient.givenName(),
                age, patient.communeInsee(), r.reasons(), p.notesForGp()), p.createdAt());
          }));
    });
  }

  private static UUID ownProfessional(Caller caller) {
    if (!caller.has(Role.PROFESSIONAL) || caller.account().professionalId() == null) {
      throw new Forbidden("proposals are answered by the GP they were made to");
    }
    return caller.account().professionalId();
  }

  private static Candidate nearest(Professional gp, double lat, double lon) {
    Site site = gp.sites().stream().min(Comparator.comparingDouble(s -> km(s.lat(), s.lon(), lat, lon))).orElseThrow();
    double km = Math.round(km(site.lat(), site.lon(), lat, lon) * 10) / 10.0;
    return new Candidate(gp.id(), gp.familyName(), gp.givenName(), gp.phone(), gp.mtCapacity(), site.communeInsee(),
        km, null);
  }

  /** Great-circle distance (haversine) in km, on the mean earth radius. */
  static double km(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
  }

  /** The territory of the proposal's request; empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return store.territoriesOf(pool, id);
  }
}
