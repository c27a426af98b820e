package fr.aiguillage.security;

import fr.aiguillage.failure.FieldError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (ANSSI's recommendations on passwords: length first, then not a known one): at
 * least {@link #MIN_LENGTH} characters, not among the common passwords shipped in
 * {@code security/common-passwords.txt} (compared without case), and not the login itself.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = PasswordHasher.MIN_LENGTH;
  private static final String LIST = "/security/common-passwords.txt";

  private final Set<String> common;

  private PasswordPolicy(Set<String> common) {
    this.common = common;
  }

  public static PasswordPolicy load() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + LIST);
      }
      Set<String> words = new HashSet<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .forEach(line -> words.add(line.strip().toLowerCase(Locale.ROOT)));
      return new PasswordPolicy(Set.copyOf(words));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reason this password is refused (field {@code field}), or empty when it is acceptable. */
  public Optional<FieldError> check(String field, String password, String login) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of(new FieldError(field, "must be at least " + MIN_LENGTH + " characters"));
    }
    if (common.contains(password.toLowerCase(Locale.ROOT))) {
      return Optional.of(new FieldError(field, "is a common password: choose another one"));
    }
    if (login != null && password.equalsIgnoreCase(login)) {
      return Optional.of(new FieldError(field, "must not be the login"));
    }
    return Optional.empty();
  }
}
