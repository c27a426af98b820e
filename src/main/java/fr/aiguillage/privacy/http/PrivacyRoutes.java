package fr.aiguillage.privacy.http;

import fr.aiguillage.privacy.AuditVerification;
import fr.aiguillage.privacy.PatientRights;
import fr.aiguillage.privacy.Retention;
import fr.aiguillage.privacy.model.ErasureRequest;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Retention preview and run, a patient's export and erasure, the audit chain's verification. */
public final class PrivacyRoutes {

  private final Retention retention;
  private final PatientRights rights;
  private final AuditVerification verification;

  public PrivacyRoutes(Retention retention, PatientRights rights, AuditVerification verification) {
    this.retention = retention;
    this.rights = rights;
    this.verification = verification;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("previewRetention").addHandler(this::preview);
    api.getRoute("runRetention").addHandler(this::run);
    api.getRoute("exportPatient").addHandler(this::export);
    api.getRoute("erasePatient").addHandler(this::erase);
    api.getRoute("verifyAudit").addHandler(this::verify);
  }

  private void preview(RoutingContext ctx) {
    Responses.reply(ctx, retention.preview(Requests.caller(ctx)), report -> Responses.ok(ctx, report));
  }

  private void run(RoutingContext ctx) {
    Responses.reply(ctx, retention.runNow(Requests.caller(ctx)), report -> Responses.ok(ctx, report));
  }

  /** JSON unless {@code format=html}, or no format and an Accept header that prefers text/html. */
  private void export(RoutingContext ctx) {
    boolean html = wantsHtml(Requests.query(ctx, "format"), ctx.request().getHeader("Accept"));
    Responses.reply(ctx, rights.export(Requests.caller(ctx), Requests.pathUuid(ctx, "id")), doc -> html
        ? ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(ExportPage.render(doc))
        : Responses.ok(ctx, doc));
  }

  private void erase(RoutingContext ctx) {
    Responses.reply(ctx, rights.erase(Requests.caller(ctx), Requests.pathUuid(ctx, "id"),
        Requests.body(ctx, ErasureRequest.class)), erased -> Responses.ok(ctx, erased));
  }

  private void verify(RoutingContext ctx) {
    Responses.reply(ctx, verification.verify(Requests.caller(ctx)), report -> Responses.ok(ctx, report));
  }

  static boolean wantsHtml(String format, String accept) {
    if (format != null) {
      return "html".equals(format);
    }
    return accept != null && accept.contains("text/html");
  }
}
