package fr.aiguillage.triage;

import fr.aiguillage.holidays.PublicHolidays;
import fr.aiguillage.triage.model.Complaint;
import fr.aiguillage.triage.model.RedFlag;
import fr.aiguillage.triage.model.TriageRequest;
import fr.aiguillage.triage.model.TriageResult;
import fr.aiguillage.triage.model.Urgency;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped rules file (config/triage-rules.json) applied to questionnaires, on a Tuesday at 10:00 in Paris. */
class TriageEngineTest {

  private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T09:00:00Z");
  private final TriageEngine engine = new TriageEngine(TriageRules.load(Path.of("config/triage-rules.json")));

  private TriageResult assess(double age, String sex, Complaint complaint, Map<String, Object> answers) {
    return engine.assess(new TriageRequest(null, null, age, sex, complaint, List.of(), answers), TUESDAY_MORNING);
  }

  private static Map<String, Object> cystitis() {
    return Map.of("temperatureC", 37.2, "flankPain", false, "pregnant", false, "immunocompromised", false,
        "recurrentEpisodes", 1);
  }

  @Nested
  @DisplayName("safety rules in code")
  class Safety {

    @ParameterizedTest
    @EnumSource(RedFlag.class)
    @DisplayName("every red flag is VITAL, even for a complaint a rule would send to a pharmacist")
    void redFlags(RedFlag flag) {
      TriageResult r = engine.assess(new TriageRequest(null, null, 30.0, "F", Complaint.URINARY_SYMPTOMS,
          List.of(flag), cystitis()), TUESDAY_MORNING);
      assertThat(r.urgency()).isEqualTo(Urgency.VITAL);
      assertThat(r.redFlags()).containsExactly(flag);
      assertThat(r.advice()).contains("15");
    }

    @Test
    @DisplayName("red flags stay VITAL whatever the rules file says")
    void configCannotWeaken() {
      JsonObject file = new JsonObject(readRules());
      file.getJsonArray("rules").getJsonObject(0).getJsonObject("then").put("urgency", "ADVICE");
      file.getJsonArray("rules").getJsonObject(0).put("when", new JsonObject());
      TriageEngine lax = new TriageEngine(TriageRules.parse(file.encodePrettily()));
      TriageResult r = lax.assess(new TriageRequest(null, null, 30.0, "F", Complaint.URINARY_SYMPTOMS,
          List.of(RedFlag.CHEST_PAIN), cystitis()), TUESDAY_MORNING);
      assertThat(r.urgency()).isEqualTo(Urgency.VITAL);
    }

    @Test
    @DisplayName("fever in an infant under 3 months is VITAL; at 4 months it is not")
    void infantFever() {
      assertThat(assess(0.2, "M", Complaint.FEVER, Map.of("temperatureC", 38.2)).urgency()).isEqualTo(Urgency.VITAL);
      assertThat(assess(0.2, "F", Complaint.COUGH, Map.of("temperatureC", 38.0)).urgency()).isEqualTo(Urgency.VITAL);
      assertThat(assess(0.34, "M", Complaint.FEVER, Map.of("temperatureC", 38.2)).urgency())
          .isNotEqualTo(Urgency.VITAL);
    }
  }

  @Nested
  @DisplayName("default orientations")
  class Orientations {

    @Test
    @DisplayName("uncomplicated cystitis goes to a pharmacist with the cystitis protocol")
    void cystitisToPharmacist() {
      TriageResult r = assess(30, "F", Complaint.URINARY_SYMPTOMS, cystitis());
      assertThat(r.orientation().profession()).isEqualTo("PHARMACIST");
      assertThat(r.orientation().skills()).containsExactly("CYSTITIS_PROTOCOL");
      assertThat(r.decidedBy()).isEqualTo("rule:cystite-simple-pharmacien");
    }

    @Test
    @DisplayName("a man, a woman of 70, fever 38.5, pregnancy, 3 episodes or flank pain: a GP, not the protocol")
    void cystitisExclusions() {
      Map<String, Object> fever = new java.util.HashMap<>(cystitis());
      fever.put("temperatureC", 38.5);
      Map<String, Object> pregnant = new java.util.HashMap<>(cystitis());
      pregnant.put("pregnant", true);
      Map<String, Object> recurrent = new java.util.HashMap<>(cystitis());
      recurrent.put("recurrentEpisodes", 3);
      Map<String, Object> flank = new java.util.HashMap<>(cystitis());
      flank.put("flankPain", true);
      for (TriageResult r : List.of(assess(30, "M", Complaint.URINARY_SYMPTOMS, cystitis()),
          assess(70, "F", Complaint.URINARY_SYMPTOMS, cystitis()), assess(30, "F", Complaint.URINARY_SYMPTOMS, fever),
          assess(30, "F", Complaint.URINARY_SYMPTOMS, pregnant), assess(30, "F", Complaint.URINARY_SYMPTOMS, recurrent),
          assess(30, "F", Complaint.URINARY_SYMPTOMS, flank), assess(30, "F", Complaint.URINARY_SYMPTOMS, Map.of()))) {
        assertThat(r.orientation().profession()).isEqualTo("GENERAL_PRACTITIONER");
      }
    }

    @Test
    @DisplayName("sore throat from 10 years, not immunocompromised: pharmacist with the rapid test; else a GP")
    void soreThroat() {
      TriageResult r = assess(12, "M", Complaint.SORE_THROAT, Map.of("immunocompromised", false));
      assertThat(r.orientation().profession()).isEqualTo("PHARMACIST");
      assertThat(r.orientation().skills()).containsExactly("SORE_THROAT_RDT");
      assertThat(assess(8, "M", Complaint.SORE_THROAT, Map.of("immunocompromised", false)).orientation().profession())
          .isEqualTo("GENERAL_PRACTITIONER");
      assertThat(assess(40, "F", Complaint.SORE_THROAT, Map.of("immunocompromised", true)).orientation().profession())
          .isEqualTo("GENERAL_PRACTITIONER");
    }

    @Test
    @DisplayName("ankle: weight bearing and no Ottawa bone tenderness → physiotherapist; no weight bearing → GP the same day")
    void ankle() {
      TriageResult bears = assess(25, "M", Complaint.ANKLE_INJURY, Map.of("canBearWeight", true,
          "malleolarBoneTenderness", false, "midfootBoneTenderness", false));
      assertThat(bears.orientation().profession()).isEqualTo("PHYSIOTHERAPIST");
      assertThat(bears.orientation().skills()).containsExactly("ANKLE_SPRAIN");
      TriageResult cannot = assess(25, "M", Complaint.ANKLE_INJURY, Map.of("canBearWeight", false));
      assertThat(cannot.orientation().profession()).isEqualTo("GENERAL_PRACTITIONER");
      assertThat(cannot.urgency()).isEqualTo(Urgency.SAME_DAY);
    }

    @Test
    @DisplayName("acute low back pain under 4 weeks, 20 to 55, no warning sign → physiotherapist; else a GP")
    void lowBack() {
      assertThat(assess(45, "F", Complaint.LOW_BACK_PAIN, Map.of("symptomDays", 10, "backPainWarningSigns", false))
          .orientation().skills()).containsExactly("LOW_BACK_PAIN");
      assertThat(assess(45, "F", Complaint.LOW_BACK_PAIN, Map.of("symptomDays", 60, "backPainWarningSigns", false))
          .orientation().profession()).isEqualTo("GENERAL_PRACTITIONER");
      assertThat(assess(15, "F", Complaint.LOW_BACK_PAIN, Map.of("symptomDays", 10, "backPainWarningSigns", false))
          .orientation().profession()).isEqualTo("GENERAL_PRACTITIONER");
    }

    @Test
    @DisplayName("wound → nurse unless deep; dental pain → dentist; renewal with days of treatment left → ROUTINE")
    void others() {
      assertThat(assess(50, "M", Complaint.WOUND, Map.of("deepWound", false, "onAnticoagulant", false)).orientation()
          .skills()).containsExactly("WOUND_CARE");
      assertThat(assess(50, "M", Complaint.WOUND, Map.of("deepWound", true)).urgency()).isEqualTo(Urgency.SAME_DAY);
      assertThat(assess(50, "M", Complaint.DENTAL_PAIN, Map.of()).orientation().profession()).isEqualTo("DENTIST");
      TriageResult renewal = assess(50, "M", Complaint.PRESCRIPTION_RENEWAL, Map.of("treatmentLeftDays", 10));
      assertThat(renewal.urgency()).isEqualTo(Urgency.ROUTINE);
    }

    @Test
    @DisplayName("outside the protocols, a GP within 24 h (the CPTS's promise), never 48 h")
    void defaultWithin24Hours() {
      TriageResult cough = assess(40, "M", Complaint.COUGH, Map.of());
      assertThat(cough.urgency()).isEqualTo(Urgency.WITHIN_24H);
      assertThat(cough.ruleId()).isEqualTo("defaut-medecin-24h");
      assertThat(cough.explanation()).contains("24 heures");
      assertThat(assess(40, "M", Complaint.FEVER, Map.of("temperatureC", 38.2, "symptomDays", 2,
          "poorTolerance", false)).urgency()).isEqualTo(Urgency.WITHIN_24H);
    }

    @Test
    @DisplayName("fever of 39 °C or more brings a 48-hour rule (physiotherapist) to 24 h at most")
    void feverEscalation() {
      TriageResult r = assess(30, "M", Complaint.ANKLE_INJURY, Map.of("canBearWeight", true,
          "malleolarBoneTenderness", false, "midfootBoneTenderness", false, "temperatureC", 39.5));
      assertThat(r.urgency()).isEqualTo(Urgency.WITHIN_24H);
      assertThat(r.ruleId()).isEqualTo("fievre-elevee-ou-prolongee");
      assertThat(r.orientation().within()).hasHours(24);
    }
  }

  @Nested
  @DisplayName("permanence des soins")
  class Hours {

    @Test
    @DisplayName("Saturday afternoon, Sunday, weekday nights, Christmas and Easter Monday are out of hours")
    void outOfHours() {
      assertThat(OutOfHours.at(Instant.parse("2026-11-28T14:00:00Z"))).as("Saturday 15:00").isTrue();
      assertThat(OutOfHours.at(Instant.parse("2026-11-28T10:00:00Z"))).as("Saturday 11:00").isFalse();
      assertThat(OutOfHours.at(Instant.parse("2026-11-29T10:00:00Z"))).as("Sunday").isTrue();
      assertThat(OutOfHours.at(Instant.parse("2026-11-24T19:30:00Z"))).as("Tuesday 20:30").isTrue();
      assertThat(OutOfHours.at(Instant.parse("2026-11-24T06:30:00Z"))).as("Tuesday 07:30").isTrue();
      assertThat(OutOfHours.at(Instant.parse("2026-12-25T10:00:00Z"))).as("Christmas (Friday)").isTrue();
      assertThat(OutOfHours.at(Instant.parse("2027-03-29T09:00:00Z"))).as("Easter Monday 2027").isTrue();
      assertThat(OutOfHours.at(Instant.parse("2027-03-30T09:00:00Z"))).as("the Tuesday after").isFalse();
      assertThat(PublicHolidays.easterSunday(2027)).hasToString("2027-03-28");
      assertThat(PublicHolidays.easterSunday(2026)).hasToString("2026-04-05");
    }

    @Test
    @DisplayName("out of hours the advice points to the on-call doctor, and the next opening is 08:00 of an open day")
    void adviceAndNextOpening() {
      TriageResult r = engine.assess(new TriageRequest(null, null, 40.0, "M", Complaint.COUGH, List.of(), Map.of()),
          Instant.parse("2026-11-28T14:00:00Z"));
      assertThat(r.outOfHours()).isTrue();
      assertThat(r.advice()).contains("116 117");
      assertThat(OutOfHours.nextOpening(Instant.parse("2026-11-28T14:00:00Z")))
          .isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
      assertThat(OutOfHours.nextOpening(Instant.parse("2026-12-24T20:00:00Z")))
          .as("Christmas Eve 21:00 → Saturday 26 December 08:00").isEqualTo(Instant.parse("2026-12-26T07:00:00Z"));
    }
  }

  @Test
  @DisplayName("a malformed rules file stops with the line and the value at fault")
  void malformed() {
    JsonObject file = new JsonObject(readRules());
    file.getJsonArray("rules").getJsonObject(1).getJsonObject("then").put("profession", "SORCERER");
    assertThatThrownBy(() -> TriageRules.parse(file.encodePrettily())).hasMessageContaining("ligne")
        .hasMessageContaining("SORCERER");
    JsonObject noVersion = new JsonObject(readRules());
    noVersion.remove("version");
    assertThatThrownBy(() -> TriageRules.parse(noVersion.encodePrettily())).hasMessageContaining("version");
  }

  private static String readRules() {
    try {
      return java.nio.file.Files.readString(Path.of("config/triage-rules.json"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
