package fr.aiguillage.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.hashing.HashingStrategy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * PBKDF2-HMAC-SHA512 through Vert.x's own {@link HashingStrategy} (PHC string format, salt and
 * iteration count inside the hash). Deliberately slow, so it runs on a worker thread.
 */
public final class PasswordHasher {

  public static final int MIN_LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final HashingStrategy strategy = HashingStrategy.load();
  private final int iterations;

  public PasswordHasher(Vertx vertx, int iterations) {
    this.vertx = vertx;
    this.iterations = iterations;
  }

  public Future<String> hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String encodedSalt = Base64.getEncoder().withoutPadding().encodeToString(salt);
    return vertx.executeBlocking(() ->
        strategy.hash("pbkdf2", Map.of("it", Integer.toString(iterations)), encodedSalt, password), false);
  }

  public Future<Boolean> verify(String hash, String password) {
    return vertx.executeBlocking(() -> strategy.verify(hash, password), false);
  }
}
