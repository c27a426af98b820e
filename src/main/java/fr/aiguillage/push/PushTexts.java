package fr.aiguillage.push;

import fr.aiguillage.push.model.PushRequest;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the messages carrying the links, in French. By construction they hold no name, phone, birth date or
 * patient id: only the profession, urgency, commune, age band and sex, and the deadline.
 */
public final class PushTexts {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH' h 'mm",
      Locale.FRENCH);
  private static final Map<String, String> PROFESSIONS = Map.of("GENERAL_PRACTITIONER", "médecin généraliste",
      "SPECIALIST", "médecin spécialiste", "NURSE", "infirmier·e", "PHARMACIST", "pharmacien·ne",
      "PHYSIOTHERAPIST", "kinésithérapeute", "MIDWIFE", "sage-femme", "DENTIST", "chirurgien·ne-dentiste");
  private static final Map<String, String> URGENCIES = Map.of("SAME_DAY", "dans la journée",
      "WITHIN_24H", "sous 24 h", "WITHIN_48H", "sous 48 h", "ROUTINE", "dans la semaine");
  private static final Pattern LINK = Pattern.compile("\\S*/demande/[A-Za-z0-9_-]{43}");

  private PushTexts() {
  }

  public static String sms(PushRequest r, String commune, String url) {
    return "CPTS : demande de prise en charge " + urgency(r) + " (" + profession(r) + "), patient·e "
        + sex(r) + " " + r.ageBand() + " ans à " + commune + ", à voir avant " + WHEN.format(r.deadline())
        + ". Répondre : " + url;
  }

  /** The text stored once the message is sent: the one-time link replaced by "[lien]" (it lives in the message). */
  static String withoutLink(String text) {
    return LINK.matcher(text).replaceAll(Matcher.quoteReplacement("[lien]"));
  }

  public static String subject(PushRequest r) {
    return "Demande de prise en charge " + urgency(r) + " (" + commune(r) + ")";
  }

  public static String mail(PushRequest r, String commune, String url) {
    return "Bonjour,\n\nLa CPTS cherche un·e " + profession(r) + " pour un·e patient·e " + sex(r) + " de "
        + r.ageBand() + " ans, à " + commune + ", à voir " + urgency(r) + " (avant " + WHEN.format(r.deadline())
        + ").\nMotif : " + r.complaint() + ".\n\nPour voir la demande et répondre (accepter avec une heure, ou refuser) :\n"
        + url + "\n\nLe premier qui accepte prend en charge le patient ; le lien ne sert plus ensuite.\n";
  }

  private static String commune(PushRequest r) {
    return r.commune() == null ? r.communeInsee() : r.commune();
  }

  private static String profession(PushRequest r) {
    return PROFESSIONS.getOrDefault(r.profession(), r.profession());
  }

  private static String urgency(PushRequest r) {
    return URGENCIES.getOrDefault(r.urgency(), "");
  }

  private static String sex(PushRequest r) {
    return "F".equals(r.sex()) ? "femme" : "homme";
  }
}
