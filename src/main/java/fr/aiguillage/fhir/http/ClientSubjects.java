package fr.aiguillage.fhir.http;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client certificate subjects let in ({@code AIGUILLAGE_FHIR_ALLOWED_SUBJECTS}, ';'-separated): an entry with
 * '=' is a whole DN, any other entry a CN. DNs are compared as sets of attributes (javax.naming.ldap.Rdn equality:
 * attribute names without case, values normalised), so neither spacing nor the order they are written in (RFC 2253
 * "CN=…,C=FR" or OpenSSL's "C=FR, …, CN=…") matters.
 */
final class ClientSubjects {

  private static final int KEPT = 256;

  private final List<Set<Rdn>> names = new ArrayList<>();
  private final Map<X500Principal, Boolean> verdicts = new ConcurrentHashMap<>();
  private final List<String> commonNames = new ArrayList<>();

  ClientSubjects(String configured) {
    for (String entry : configured.split(";")) {
      String e = entry.trim();
      if (e.contains("=")) {
        names.add(rdns(new X500Principal(e)).orElseThrow(() -> new IllegalArgumentException(
            "AIGUILLAGE_FHIR_ALLOWED_SUBJECTS: not a DN: " + e)));
      } else if (!e.isEmpty()) {
        commonNames.add(e);
      }
    }
    if (names.isEmpty() && commonNames.isEmpty()) {
      throw new IllegalArgumentException("AIGUILLAGE_FHIR_ALLOWED_SUBJECTS lists no subject: nobody could connect");
    }
  }

  /**
   * Whether {@code subject} is let in. The verdict is kept per subject (a connection's requests all ask with the same
   * one, and parsing the DN on each cost about 2 % of a search's event-loop time, decision 0039); at most
   * {@link #KEPT} subjects are kept, then the verdicts start again from empty.
   */
  boolean allows(X500Principal subject) {
    Boolean known = verdicts.get(subject);
    if (known != null) {
      return known;
    }
    if (verdicts.size() >= KEPT) {
      verdicts.clear();
    }
    boolean allowed = decide(subject);
    verdicts.put(subject, allowed);
    return allowed;
  }

  private boolean decide(X500Principal subject) {
    Optional<Set<Rdn>> rdns = rdns(subject);
    return rdns.isPresent() && names.contains(rdns.get())
        || commonName(subject).map(commonNames::contains).orElse(false);
  }

  private static Optional<Set<Rdn>> rdns(X500Principal name) {
    try {
      return Optional.of(Set.copyOf(new LdapName(name.getName(X500Principal.RFC2253)).getRdns()));
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }

  static Optional<String> commonName(X500Principal subject) {
    try {
      return new LdapName(subject.getName(X500Principal.RFC2253)).getRdns().stream()
          .filter(r -> r.getType().equalsIgnoreCase("CN")).map(Rdn::getValue).map(String::valueOf)
          .reduce((first, last) -> last);
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }
}
