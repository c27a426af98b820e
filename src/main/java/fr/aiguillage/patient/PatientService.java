package fr.aiguillage.patient;

import java.util.Optional;
import java.util.Set;
import fr.aiguillage.directory.PhoneNumbers;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.failure.FieldError;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.patient.model.NewPatient;
import fr.aiguillage.patient.model.NotificationChannel;
import fr.aiguillage.patient.model.NotificationChoice;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.patient.model.PatientPatch;
import fr.aiguillage.patient.store.PatientStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Patients: least data, and every read and write in the audit trail. Operators and coordinators see the
 * patients of their territories; a professional those with an appointment with them; an orienter those
 * they registered or booked. Administrators see none.
 */
public final class PatientService {

  private static final String ENTITY = "patient";
  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final TerritoryService territories;
  private final PatientVisibility visibility;
  private final PatientStore store = new PatientStore();

  public PatientService(Pool pool, Clock clock, AuditTrail audit, TerritoryService territories,
                        PatientVisibility visibility) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.territories = territories;
    this.visibility = visibility;
  }

  public Future<Patient> create(Caller caller, NewPatient request) {
    return pool.withTransaction(tx -> createIn(tx, caller, request, ""));
  }

  /** Registers a patient inside the caller's transaction (a booking with an inline patient). */
  public Future<Patient> createIn(SqlClient tx, Caller caller, NewPatient request, String fieldPrefix) {
    requireRole(caller);
    Patient patient = valid(UUID.randomUUID(), request, fieldPrefix, null);
    if (!caller.covers(patient.territoryId())) {
      throw new Forbidden("the patient's commune lies outside your territories");
    }
    return store.insert(tx, patient, caller.accountId(), clock.instant())
        .compose(v -> audit.record(tx, event(caller, "patient.create", patient)))
        .map(patient);
  }

  public Future<Patient> get(Caller caller, UUID id) {
    return visibleOne(pool, caller, id, false)
        .compose(p -> audit.record(event(caller, "patient.read", p)).map(p));
  }

  /** Caller-ID lookup: the patients whose phone is this number, however it is written. */
  public Future<List<Patient>> findByPhone(Caller caller, String rawPhone) {
    requireRole(caller);
    String e164 = PhoneNumbers.toE164("phone", rawPhone);
    return visibleAndAudited(caller, store.findByPhone(pool, e164));
  }

  /** Search by the start of the family name and/or the birth date (the duplicate check before a new record). */
  public Future<List<Patient>> findByIdentity(Caller caller, String familyNamePrefix, LocalDate birthDate) {
    requireRole(caller);
    return visibleAndAudited(caller, store.findByIdentity(pool, familyNamePrefix, birthDate));
  }

  private Future<List<Patient>> visibleAndAudited(Caller caller, Future<List<PatientStore.Stored>> candidates) {
    return candidates.compose(found -> {
      List<Future<Boolean>> checks = found.stream().map(s -> canSee(pool, caller, s)).toList();
      return Future.all(checks).map(all -> {
        List<Patient> visible = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
          if (checks.get(i).result()) {
            visible.add(found.get(i).patient());
          }
        }
        return visible;
      });
    }).compose(visible -> Future.all(visible.stream()
            .map(p -> audit.record(event(caller, "patient.read", p))).toList()).map(visible));
  }

  public Future<Patient> update(Caller caller, UUID id, PatientPatch patch) {
    return pool.withTransaction(tx -> visibleOne(tx, caller, id, true).compose(current -> {
      Patient changed = valid(id, merge(current, patch), "", current.notificationConsentAt());
      if (!caller.covers(changed.territoryId()) && !Objects.equals(changed.territoryId(), current.territoryId())) {
        throw new Forbidden("the new commune lies outside your territories");
      }
      return store.update(tx, changed, clock.instant())
          .compose(v -> audit.record(tx, event(caller, "patient.update", changed)))
          .map(changed);
    }));
  }

  /** At booking, in its transaction: the patient's notification channel, e-mail and consent (audited). */
  public Future<Patient> chooseNotificationsIn(SqlClient tx, Caller caller, UUID id, NotificationChoice choice) {
    return visibleOne(tx, caller, id, true).compose(current -> {
      PatientPatch patch = new PatientPatch(null, null, null, null, null, null, null, null, choice.email(),
          choice.notificationChannel(), choice.notificationConsent());
      Patient changed = valid(id, merge(current, patch), "notification.", current.notificationConsentAt());
      return store.update(tx, changed, clock.instant())
          .compose(v -> audit.record(tx, event(caller, "patient.update", changed)))
          .map(changed);
    });
  }

  /** For the notifications, in the writer's transaction: the patient's contact and consent (not audited here). */
  public Future<java.util.Optional<Patient>> forNoticeIn(SqlClient db, UUID id) {
    return store.findById(db, id, false).map(found -> found.map(PatientStore.Stored::patient));
  }

  /** For the waiting list, in its transaction: the patient now has a médecin traitant. */
  public Future<Void> markHasMt(SqlClient tx, UUID patientId) {
    return store.markHasMt(tx, patientId, clock.instant());
  }

  /** For the calendar feed of a professional who chose to show names: these patients, audited by the caller. */
  public Future<java.util.Map<UUID, Patient>> forFeed(java.util.Collection<UUID> ids) {
    return store.findByIds(pool, ids).map(found -> {
      java.util.Map<UUID, Patient> byId = new java.util.HashMap<>();
      found.forEach(p -> byId.put(p.id(), p));
      return byId;
    });
  }

  /** For other modules, inside their transaction: the patient, if this caller may see them (audited as a read). */
  public Future<Patient> visibleIn(SqlClient tx, Caller caller, UUID id) {
    return visibleOne(tx, caller, id, false)
        .compose(p -> audit.record(tx, event(caller, "patient.read", p)).map(p));
  }

  private Future<Patient> visibleOne(SqlClient db, Caller caller, UUID id, boolean forUpdate) {
    requireRole(caller);
    return store.findById(db, id, forUpdate)
        .map(found -> found.orElseThrow(() -> new NotFound("patient " + id)))
        .compose(stored -> canSee(db, caller, stored).map(ok -> {
          if (!ok) {
            throw new Forbidden("you may not see this patient");
          }
          return stored.patient();
        }));
  }

  private Future<Boolean> canSee(SqlClient db, Caller caller, PatientStore.Stored stored) {
    Patient p = stored.patient();
    if (caller.hasAny(Role.OPERATOR, Role.COORDINATOR) && caller.covers(p.territoryId())) {
      return Future.succeededFuture(true);
    }
    Future<Boolean> result = Future.succeededFuture(false);
    if (caller.has(Role.PROFESSIONAL) && caller.account().professionalId() != null) {
      result = result.compose(seen -> seen ? Future.succeededFuture(true)
          : visibility.hasAppointmentWith(db, p.id(), caller.account().professionalId()));
    }
    if (caller.has(Role.ORIENTER)) {
      result = result.compose(seen -> seen || caller.accountId().equals(stored.createdBy())
          ? Future.succeededFuture(true) : visibility.bookedBy(db, p.id(), caller.accountId()));
    }
    return result;
  }

  private Patient valid(UUID id, NewPatient r, String prefix, OffsetDateTime consentedAt) {
    List<FieldError> errors = new ArrayList<>();
    String phone = null;
    if (r.phone() != null && !r.phone().isBlank()) {
      try {
        phone = PhoneNumbers.toE164(prefix + "phone", r.phone());
      } catch (Invalid e) {
        errors.addAll(e.errors());
      }
    }
    var place = territories.place(r.communeInsee());
    if (place.isEmpty()) {
      errors.add(new FieldError(prefix + "communeInsee", "unknown commune " + r.communeInsee()));
    }
    LocalDate today = clock.instant().atZone(fr.aiguillage.db.SqlTime.PARIS).toLocalDate();
    if (r.birthDate() != null && (r.birthDate().isAfter(today) || r.birthDate().isBefore(today.minusYears(130)))) {
      errors.add(new FieldError(prefix + "birthDate", "must be a real birth date, not in the future"));
    }
    String email = r.email() == null || r.email().isBlank() ? null : r.email().trim();
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.add(new FieldError(prefix + "email", "not an e-mail address"));
    }
    NotificationChannel channel = r.notificationChannel() == null ? NotificationChannel.SMS : r.notificationChannel();
    if (channel == NotificationChannel.EMAIL && email == null) {
      errors.add(new FieldError(prefix + "email", "required to be told by e-mail"));
    }
    OffsetDateTime consent = r.notificationConsent() == null ? consentedAt
        : r.notificationConsent() ? (consentedAt != null ? consentedAt
            : OffsetDateTime.ofInstant(clock.instant(), fr.aiguillage.db.SqlTime.PARIS)) : null;
    if (consent != null && channel == NotificationChannel.SMS && phone == null) {
      errors.add(new FieldError(prefix + "phone", "required to be told by SMS"));
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    return new Patient(id, r.familyName().trim(), r.givenName().trim(), r.birthDate(), phone, r.communeInsee(),
        r.sex(), distinct(r.fragility()), r.hasMt(),
        place.get().territoryId(), email, channel, consent);
  }

  private static NewPatient merge(Patient c, PatientPatch p) {
    return new NewPatient(or(p.familyName(), c.familyName()), or(p.givenName(), c.givenName()),
        or(p.birthDate(), c.birthDate()), p.phone() != null ? p.phone() : c.phone(),
        or(p.communeInsee(), c.communeInsee()), or(p.sex(), c.sex()), or(p.fragility() == null ? null : distinct(p.fragility()), c.fragility()),
        p.hasMt() != null ? p.hasMt() : c.hasMt(), p.email() != null ? p.email() : c.email(),
        or(p.notificationChannel(), c.notificationChannel()), p.notificationConsent());
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static void requireRole(Caller caller) {
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR, Role.ORIENTER, Role.PROFESSIONAL)) {
      throw new Forbidden("patient data is for the secretariat and the professionals caring for them");
    }
  }

  private static AuditEvent event(Caller caller, String action, Patient p) {
    return AuditEvent.of(caller, action, ENTITY, p.id(), p.territoryId());
  }

  /**
   * The territories a patient belongs to: their commune's, and those where they have appointments (a GP of B sees
   * the patient of A booked with them by a secretariat serving both). Empty if unknown.
   */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return store.territoriesOf(pool, id).compose(home -> home.isEmpty() ? Future.succeededFuture(home)
        : visibility.appointmentTerritories(pool, id).map(booked -> {
          Set<String> all = new java.util.HashSet<>(home.get());
          all.addAll(booked);
          return Optional.of(Set.copyOf(all));
        }));
  }

  /** Fragility reasons are a set: a repeated one counts once (the contract no longer says uniqueItems, 0013). */
  private static List<fr.aiguillage.patient.model.Fragility> distinct(List<fr.aiguillage.patient.model.Fragility> reasons) {
    return reasons == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(reasons));
  }
}
