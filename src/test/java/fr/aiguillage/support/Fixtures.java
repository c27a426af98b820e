package fr.aiguillage.support;

import fr.aiguillage.directory.Rpps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies named for intent. All people here are invented. */
public final class Fixtures {

  public static final String THAU = "bassin-de-thau";
  public static final String BERANGE = "montpellier-est-berange";
  public static final String SETE = "34301";
  public static final String MAUGUIO = "34154";

  private static final AtomicInteger SERIAL = new AtomicInteger(1000);

  private Fixtures() {
  }

  /** A fresh RPPS with a valid check digit. */
  public static String newRpps() {
    String first10 = "18" + String.format("%08d", SERIAL.incrementAndGet());
    return first10 + Rpps.checkDigit(first10);
  }

  /** An invented patient living in Sète. */
  public static JsonObject aPatientInSete() {
    return new JsonObject().put("familyName", "Patiente").put("givenName", "Zoé").put("birthDate", "1984-05-17")
        .put("phone", "06 98 76 54 32").put("communeInsee", SETE).put("sex", "F").put("fragility", new JsonArray());
  }

  /** A slot body for a professional's first site. */
  public static JsonObject aSlot(JsonObject professional, String start, String end) {
    return new JsonObject().put("siteId", professional.getJsonArray("sites").getJsonObject(0).getString("id"))
        .put("kind", "SNP").put("start", start).put("end", end);
  }

  public static JsonObject aGpInSete() {
    return aProfessional("GENERAL_PRACTITIONER", SETE);
  }

  public static JsonObject aProfessional(String profession, String communeInsee) {
    return new JsonObject()
        .put("rpps", newRpps())
        .put("familyName", "Testeur")
        .put("givenName", "Alix")
        .put("profession", profession)
        .put("skills", new JsonArray())
        .put("phone", "06 12 34 56 78")
        .put("acceptsSnp", true)
        .put("acceptsOverbooking", false)
        .put("mtCapacity", 2)
        .put("sites", new JsonArray().add(new JsonObject()
            .put("name", "Cabinet du port").put("address", "1 quai de test").put("communeInsee", communeInsee)));
  }
}
