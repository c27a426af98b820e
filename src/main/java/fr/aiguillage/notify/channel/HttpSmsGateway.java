package fr.aiguillage.notify.channel;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.notify.Templates;
import fr.aiguillage.notify.model.Claimed;
import fr.aiguillage.notify.model.Message;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.Map;

/**
 * An HTTP SMS gateway: POST to the configured URL with {@code Authorization: Bearer <token>} and a JSON body
 * made from the configured template ({@code sender}, {@code to}, {@code text}, escaped for JSON). Any 2xx is
 * accepted; anything else, or no answer within 10 s, is a failed attempt.
 */
public final class HttpSmsGateway implements SmsGateway {

  private static final int TIMEOUT_MILLIS = 10_000;

  private final HttpClient client;
  private final AppConfig.Sms config;
  private final Templates templates;

  public HttpSmsGateway(Vertx vertx, AppConfig.Sms config, Templates templates) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(TIMEOUT_MILLIS));
    this.config = config;
    this.templates = templates;
  }

  @Override
  public Future<Void> send(Claimed notice, Message sms) {
    String body = templates.renderText(config.bodyTemplate(), Templates.Escape.JSON,
        Map.of("sender", config.sender(), "to", sms.recipient(), "text", sms.text()));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(config.gatewayUrl())
        .setIdleTimeout(TIMEOUT_MILLIS).putHeader("Content-Type", "application/json; charset=utf-8");
    if (config.gatewayToken() != null && !config.gatewayToken().isBlank()) {
      options.putHeader("Authorization", "Bearer " + config.gatewayToken());
    }
    return client.request(options)
        .compose(request -> request.send(body))
        .recover(e -> Future.failedFuture(new SendFailed("gateway unreachable: " + e.getClass().getSimpleName())))
        .compose(response -> response.body().compose(ignored -> response.statusCode() / 100 == 2
            ? Future.<Void>succeededFuture()
            : Future.failedFuture(new SendFailed("gateway answered HTTP " + response.statusCode()))));
  }
}
