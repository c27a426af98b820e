package fr.aiguillage.calls.http;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.PhoneNumbers;
import fr.aiguillage.failure.Unauthorized;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Checks the telephony provider's signature before anything else reads the request: header
 * {@code X-Aiguillage-Signature} = lowercase hex HMAC-SHA256 of {@code timestamp + "." + rawBody} with the
 * secret of the line called ({@code to}), and {@code X-Aiguillage-Timestamp} within the allowed skew.
 */
public final class TelephonySignature implements Handler<RoutingContext> {

  public static final String PATH = "/api/v1/telephony/events";
  static final String LINE = "aiguillage.telephony.line";

  private final List<AppConfig.Line> lines;
  private final int maxSkewSeconds;
  private final Clock clock;

  public TelephonySignature(AppConfig.Telephony telephony, Clock clock) {
    this.lines = telephony.lines();
    this.maxSkewSeconds = telephony.maxSkewSeconds();
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!PATH.equals(ctx.normalizedPath())) {
      ctx.next();
      return;
    }
    Optional<AppConfig.Line> line = verify(ctx);
    if (line.isEmpty()) {
      ctx.fail(new Unauthorized("bad or missing telephony signature"));
      return;
    }
    ctx.put(LINE, line.get());
    ctx.next();
  }

  private Optional<AppConfig.Line> verify(RoutingContext ctx) {
    String timestamp = ctx.request().getHeader("X-Aiguillage-Timestamp");
    String signature = ctx.request().getHeader("X-Aiguillage-Signature");
    if (timestamp == null || signature == null || ctx.body() == null || ctx.body().buffer() == null) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(timestamp.trim());
      if (Math.abs(clock.instant().getEpochSecond() - seconds) > maxSkewSeconds) {
        return Optional.empty();
      }
      String raw = ctx.body().asString(StandardCharsets.UTF_8.name());
      String to = PhoneNumbers.parse(new JsonObject(raw).getString("to")).orElse(null);
      return lines.stream().filter(l -> l.number().equals(to) && l.secret() != null && !l.secret().isEmpty())
          .filter(l -> matches(l.secret(), timestamp.trim() + "." + raw, signature.trim()))
          .findFirst();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Constant-time comparison of the expected and given signatures. */
  static boolean matches(String secret, String signed, String given) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)))
          .getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}
