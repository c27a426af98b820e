package fr.aiguillage.patient.http;

import fr.aiguillage.failure.Invalid;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.NewPatient;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.patient.model.PatientPatch;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.List;

/** {@code /api/v1/patients}. */
public final class PatientRoutes {

  record PatientList(List<Patient> items) {
  }

  private final PatientService patients;

  public PatientRoutes(PatientService patients) {
    this.patients = patients;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("createPatient").addHandler(this::create);
    // vertx-openapi 5.0.7 turns "+33612345678" into a number before checking it is a string: this one
    // operation is validated here (phone required, parsed by libphonenumber) instead.
    api.getRoute("findPatients").setDoValidation(false).addHandler(this::find);
    api.getRoute("getPatient").addHandler(this::get);
    api.getRoute("updatePatient").addHandler(this::update);
  }

  private void create(RoutingContext ctx) {
    NewPatient request = Requests.body(ctx, NewPatient.class);
    Responses.reply(ctx, patients.create(Requests.caller(ctx), request),
        p -> Responses.created(ctx, "/api/v1/patients/" + p.id(), p));
  }

  private void find(RoutingContext ctx) {
    String phone = Requests.query(ctx, "phone");
    String familyName = Requests.query(ctx, "familyName");
    String birthDate = Requests.query(ctx, "birthDate");
    if (phone == null && (familyName != null || birthDate != null)) {
      Responses.reply(ctx, patients.findByIdentity(Requests.caller(ctx), familyName(familyName),
          birthDate(birthDate)), found -> Responses.ok(ctx, new PatientList(found)));
      return;
    }
    if (phone == null) {
      throw new Invalid("phone", "required: the caller's number, written any way (or familyName, birthDate)");
    }
    // An unencoded "+33…" reaches us as " 33…": a number never starts with a space, so it was a plus.
    String written = phone.startsWith(" ") ? "+" + phone.trim() : phone;
    Responses.reply(ctx, patients.findByPhone(Requests.caller(ctx), written),
        found -> Responses.ok(ctx, new PatientList(found)));
  }

  private static String familyName(String raw) {
    if (raw == null) {
      return null;
    }
    if (raw.isBlank() || raw.length() > 100) {
      throw new Invalid("familyName", "1 to 100 characters");
    }
    return raw;
  }

  private static java.time.LocalDate birthDate(String raw) {
    try {
      return raw == null ? null : java.time.LocalDate.parse(raw);
    } catch (java.time.format.DateTimeParseException e) {
      throw new Invalid("birthDate", "a date such as 1984-05-17");
    }
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, patients.get(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        p -> Responses.ok(ctx, p));
  }

  private void update(RoutingContext ctx) {
    PatientPatch patch = Requests.body(ctx, PatientPatch.class);
    Responses.reply(ctx, patients.update(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), patch),
        p -> Responses.ok(ctx, p));
  }
}
