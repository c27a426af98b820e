package fr.aiguillage.fhir.http;

import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The booking address a Slot's {@code comment} gives the SAS, on the console's listener:
 * {@code GET /sas/creneaux/{slotId}?origin=…} (the SAS platform appends {@code origin}). It sends the browser to
 * the console's screen for that slot, {@code /#/sas/creneau/{slotId}?origin=…}; the console signs the regulator
 * in first if needed, then books with {@code origin} in the booking request. No session is needed here: this
 * route shows nothing.
 */
public final class BookingLinkRoutes {

  public static final String CONSOLE_SCREEN = "/#/sas/creneau/";
  private static final Pattern ORIGIN = Pattern.compile("[!-~]{1,100}");

  public void mount(Router router) {
    router.get("/sas/creneaux/:slotId").handler(this::openSlot);
  }

  private void openSlot(RoutingContext ctx) {
    UUID slotId;
    try {
      slotId = UUID.fromString(ctx.pathParam("slotId"));
    } catch (IllegalArgumentException e) {
      throw new NotFound("slot " + ctx.pathParam("slotId"));
    }
    String origin = ctx.queryParams().get("origin");
    if (origin != null && !ORIGIN.matcher(origin).matches()) {
      throw new Invalid("origin", "1 to 100 printable characters without spaces");
    }
    String target = CONSOLE_SCREEN + slotId
        + (origin == null ? "" : "?origin=" + URLEncoder.encode(origin, StandardCharsets.UTF_8));
    ctx.response().setStatusCode(302).putHeader("Location", target).putHeader("Cache-Control", "no-store").end();
  }
}
