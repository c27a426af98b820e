package fr.aiguillage.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Cancellation links: the appointment id and an HMAC-SHA256 of it (truncated to 96 bits), both base64url,
 * so the link needs no table and fits an SMS. The key is one per database (shared by every instance). A link
 * serves once: its only act is cancelling a booked appointment, which succeeds once.
 */
public final class CancelLinks {

  private static final int MAC_BYTES = 12;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;
  private final String baseUrl;

  public CancelLinks(byte[] key, String baseUrl) {
    this.key = key.clone();
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String link(UUID appointmentId) {
    return baseUrl + "/annulation/" + token(appointmentId);
  }

  public String token(UUID appointmentId) {
    byte[] id = bytes(appointmentId);
    return ENCODER.encodeToString(id) + "." + ENCODER.encodeToString(mac(id));
  }

  /** The appointment a token names, if its signature is right. */
  public Optional<UUID> verify(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot < 0 || token.length() > 64) {
      return Optional.empty();
    }
    try {
      byte[] id = DECODER.decode(token.substring(0, dot));
      byte[] given = DECODER.decode(token.substring(dot + 1));
      if (id.length != 16 || !MessageDigest.isEqual(mac(id), given)) {
        return Optional.empty();
      }
      ByteBuffer buffer = ByteBuffer.wrap(id);
      return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update("cancel-link:".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return Arrays.copyOf(mac.doFinal(id), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
  }
}
