package fr.aiguillage.demo;

import fr.aiguillage.FirstStartNotice;
import fr.aiguillage.agenda.Occurrences;
import fr.aiguillage.agenda.RuleService;
import fr.aiguillage.agenda.model.RuleRequest;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.patient.model.Fragility;
import fr.aiguillage.patient.model.NewPatient;
import fr.aiguillage.waitlist.WaitlistService;
import fr.aiguillage.waitlist.model.ReportRequest;
import fr.aiguillage.waitlist.model.Source;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.model.NewProfessional;
import fr.aiguillage.directory.model.NewSite;
import fr.aiguillage.directory.model.Profession;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.security.AccountService;
import fr.aiguillage.security.Tokens;
import fr.aiguillage.security.model.Account;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.NewAccount;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Synthetic demo data for {@code ./scripts/run.sh}: about a hundred professionals spread over both
 * territories and one account per role. Loaded once: the marker is the demo coordinator's account.
 * Goes through the modules' services only.
 */
public final class DemoData {

  static final String MARKER_LOGIN = "coordination";
  private static final String[] BASSIN = {"34301", "34108", "34157", "34039", "34023", "34024", "34113", "34213",
      "34341", "34333", "34159", "34143", "34165"};
  private static final String[] BERANGE = {"34022", "34027", "34058", "34127", "34154", "34176", "34227", "34240",
      "34244", "34249", "34259"};
  /** How many of each profession, per territory. */
  private static final Map<Profession, Integer> PER_TERRITORY = Map.of(Profession.GENERAL_PRACTITIONER, 16,
      Profession.NURSE, 10, Profession.PHARMACIST, 8, Profession.PHYSIOTHERAPIST, 6, Profession.MIDWIFE, 3,
      Profession.SPECIALIST, 3, Profession.DENTIST, 2);

  private final ProfessionalService professionals;
  private final AccountService accounts;
  private final String password;
  private final RuleService rules;
  private final WaitlistService waitlist;
  private final Clock clock;
  private final Caller system = new Caller(new Account(null, "demo-loader", List.of(Role.ADMIN, Role.COORDINATOR),
      List.of("bassin-de-thau", "montpellier-est-berange"), null), "local");
  private final SyntheticPeople people = new SyntheticPeople();

  public DemoData(Clock clock, ProfessionalService professionals, AccountService accounts, RuleService rules,
                  WaitlistService waitlist, String password) {
    this.waitlist = waitlist;
    this.clock = clock;
    this.rules = rules;
    this.professionals = professionals;
    this.accounts = accounts;
    this.password = password == null || password.isBlank() ? Tokens.newToken().substring(0, 16) : password;
  }

  public Future<Void> loadOnce() {
    return accounts.loginExists(MARKER_LOGIN).compose(present -> present ? Future.succeededFuture() : load());
  }

  private Future<Void> load() {
    List<NewProfessional> planned = new ArrayList<>();
    plan(planned, BASSIN);
    plan(planned, BERANGE);
    List<Professional> created = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (NewProfessional p : planned) {
      chain = chain.compose(v -> professionals.create(system, p).map(created::add).mapEmpty());
    }
    return chain.compose(v -> publishAvailability(created)).compose(v -> createAccounts(created));
  }

  /**
   * Every GP keeps an afternoon (or morning) for unscheduled care on weekdays, 20-minute slots; GPs with
   * room for new patients also keep a weekly hour for first visits.
   */
  private Future<Void> publishAvailability(List<Professional> created) {
    LocalDate today = clock.instant().atZone(Occurrences.PARIS).toLocalDate();
    Future<Void> chain = Future.succeededFuture();
    int i = 0;
    for (Professional gp : created.stream().filter(p -> p.profession() == Profession.GENERAL_PRACTITIONER).toList()) {
      boolean morning = i++ % 2 == 0;
      UUID site = gp.sites().get(0).id();
      chain = chain.compose(v -> rules.create(system, gp.id(), new RuleRequest(site, SlotKind.SNP,
          "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", morning ? "08:00" : "14:00", morning ? "10:00" : "16:00", 20, today,
          null, List.of())).mapEmpty());
      if (gp.mtCapacity() > 0) {
        chain = chain.compose(v -> rules.create(system, gp.id(), new RuleRequest(site, SlotKind.MT_FIRST_VISIT,
            "FREQ=WEEKLY;BYDAY=WE", "17:00", "18:00", 30, today, null, List.of())).mapEmpty());
      }
    }
    return chain;
  }

  private void plan(List<NewProfessional> planned, String[] communes) {
    int n = 0;
    for (Profession profession : Profession.values()) {
      for (int i = 0; i < PER_TERRITORY.get(profession); i++, n++) {
        String commune = communes[n % communes.length];
        planned.add(new NewProfessional(people.rpps(), people.familyName(), people.givenName(), profession,
            profession == Profession.SPECIALIST ? "Pédiatrie" : null, skills(profession, i), people.mobile(), null,
            profession != Profession.SPECIALIST, i % 3 == 0, profession == Profession.GENERAL_PRACTITIONER ? i % 4 : 0,
            List.of(new NewSite(siteName(profession), (10 + n) + " avenue de la Gare", commune, null, null, null))));
      }
    }
  }

  private static List<String> skills(Profession profession, int i) {
    return switch (profession) {
      case PHARMACIST -> i % 2 == 0 ? List.of("CYSTITIS_PROTOCOL", "SORE_THROAT_RDT") : List.of("SORE_THROAT_RDT");
      case PHYSIOTHERAPIST -> List.of("ANKLE_SPRAIN", "LOW_BACK_PAIN");
      case NURSE -> List.of("WOUND_CARE");
      case GENERAL_PRACTITIONER -> i % 3 == 0 ? List.of("PAEDIATRICS", "TELECONSULTATION") : List.of();
      case SPECIALIST -> List.of("PAEDIATRICS");
      default -> List.of();
    };
  }

  private static String siteName(Profession profession) {
    return switch (profession) {
      case PHARMACIST -> "Pharmacie de la Gare";
      case GENERAL_PRACTITIONER -> "Maison de santé pluriprofessionnelle";
      default -> "Cabinet";
    };
  }

  private Future<Void> createAccounts(List<Professional> created) {
    UUID gp = firstOf(created, Profession.GENERAL_PRACTITIONER);
    UUID pharmacist = firstOf(created, Profession.PHARMACIST);
    List<String> both = List.of("bassin-de-thau", "montpellier-est-berange");
    List<NewAccount> wanted = List.of(
        new NewAccount("operateur", password, List.of(Role.OPERATOR), both, null),
        new NewAccount("medecin", password, List.of(Role.PROFESSIONAL), List.of("bassin-de-thau"), gp),
        new NewAccount("pharmacie", password, List.of(Role.ORIENTER), List.of("bassin-de-thau"), pharmacist),
        new NewAccount(MARKER_LOGIN, password, List.of(Role.COORDINATOR), both, null));
    List<Account> made = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (NewAccount account : wanted) {
      chain = chain.compose(v -> accounts.createForDemo(system, account).map(made::add).mapEmpty());
    }
    return chain
        .compose(v -> waitingList(new Caller(made.get(made.size() - 1), "local")))
        .onSuccess(v -> FirstStartNotice.demoAccounts(
            wanted.stream().map(a -> a.login() + " (" + a.roles().get(0) + ")").toList(), password));
  }

  /** Thirty synthetic patients without médecin traitant, reported by the demo coordinator. */
  private Future<Void> waitingList(Caller coordinator) {
    List<String> communes = new ArrayList<>(List.of(BASSIN));
    communes.addAll(List.of(BERANGE));
    List<List<Fragility>> profiles = List.of(List.of(), List.of(Fragility.ALD), List.of(Fragility.CSS),
        List.of(Fragility.PRECARITY, Fragility.AME), List.of(Fragility.DISABILITY), List.of(Fragility.ALD,
            Fragility.CSS));
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < 30; i++) {
      NewPatient patient = new NewPatient(people.familyName(), people.givenName(),
          LocalDate.of(1935 + (i * 7) % 70, 1 + i % 12, 1 + i % 28), people.patientPhone(), communes.get(i % communes.size()),
          i % 2 == 0 ? "F" : "M", profiles.get(i % profiles.size()), false);
      ReportRequest report = new ReportRequest(null, patient,
          Source.values()[i % Source.values().length], "Patient sans médecin traitant (données de démonstration)");
      chain = chain.compose(v -> waitlist.report(coordinator, report).mapEmpty());
    }
    return chain;
  }

  private static UUID firstOf(List<Professional> created, Profession profession) {
    return created.stream().filter(p -> p.profession() == profession).findFirst().orElseThrow().id();
  }
}
