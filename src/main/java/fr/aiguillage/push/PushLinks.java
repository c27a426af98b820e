package fr.aiguillage.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The links of the messages: {@code {base}/demande/{token}}, the token 32 random bytes in base64url (43 characters),
 * of which only the SHA-256 is stored. A token is bound to one (request, professional) by its row.
 */
public final class PushLinks {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

  private final String baseUrl;

  public PushLinks(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A new token (only ever in the message). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hash of a presented token, or empty when it cannot be one of ours (wrong length or alphabet). */
  public static Optional<byte[]> hashOfPresented(String token) {
    return token != null && SHAPE.matcher(token).matches() ? Optional.of(hash(token)) : Optional.empty();
  }

  public String url(String token) {
    return baseUrl + "/demande/" + token;
  }
}
