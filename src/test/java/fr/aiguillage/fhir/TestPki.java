package fr.aiguillage.fhir;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.RFC4519Style;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A throwaway certificate authority made with Bouncy Castle: a CA, a server certificate for localhost and client
 * certificates with any subject, as PEM (certificates, PKCS#8 keys). The tests use it, and so does
 * {@code scripts/fhir-test-certs.sh} for the demo ({@link #main}).
 */
public final class TestPki {

  /** A certificate and its key, PEM-encoded. */
  public record Issued(String certificatePem, String keyPem) {
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private final KeyPair caKeys;
  private final X509CertificateHolder ca;

  public TestPki(String caName) {
    this.caKeys = keyPair();
    X500Name name = name(caName);
    this.ca = sign(new JcaX509v3CertificateBuilder(name, serial(), notBefore(), notAfter(), name, caKeys.getPublic()),
        builder -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
  }

  public String caPem() {
    return pem("CERTIFICATE", encoded(ca));
  }

  /** A server certificate for localhost / 127.0.0.1. */
  public Issued server(String subject) {
    return issue(subject, KeyPurposeId.id_kp_serverAuth, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
  }

  /** A client certificate with this subject DN (e.g. "CN=sas-platform,OU=SAS,O=ANS,C=FR"). */
  public Issued client(String subject) {
    return issue(subject, KeyPurposeId.id_kp_clientAuth, null);
  }

  private Issued issue(String subject, KeyPurposeId purpose, GeneralNames altNames) {
    KeyPair keys = keyPair();
    X509CertificateHolder cert = sign(new JcaX509v3CertificateBuilder(ca.getSubject(), serial(), notBefore(),
        notAfter(), name(subject), keys.getPublic()), builder -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
          builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
          if (altNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, altNames);
          }
        });
    return new Issued(pem("CERTIFICATE", encoded(cert)), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  /** Written the RFC 4514 way (CN first); encoded the usual way (C first), as real certificates are. */
  private static X500Name name(String dn) {
    return new X500Name(RFC4519Style.INSTANCE, dn);
  }

  private interface Extensions {
    void add(X509v3CertificateBuilder builder) throws IOException;
  }

  private X509CertificateHolder sign(X509v3CertificateBuilder builder, Extensions extensions) {
    try {
      extensions.add(builder);
      return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] encoded(X509CertificateHolder cert) {
    try {
      return cert.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM);
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofDays(1)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(Duration.ofDays(365)));
  }

  /** Writes the files for the FHIR listener to {@code dir}: ca.pem, server.pem, server.key, client.pem, client.key. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "data/fhir-test-certs");
    String clientSubject = args.length > 1 ? args[1] : "CN=sas-demo,OU=SAS,O=Plateforme SAS de démonstration,C=FR";
    Files.createDirectories(dir);
    TestPki pki = new TestPki("CN=Autorité de test Aiguillage,O=Aiguillage,C=FR");
    Issued server = pki.server("CN=localhost,O=Aiguillage,C=FR");
    Issued client = pki.client(clientSubject);
    Files.writeString(dir.resolve("ca.pem"), pki.caPem());
    Files.writeString(dir.resolve("server.pem"), server.certificatePem());
    Files.writeString(dir.resolve("server.key"), server.keyPem());
    Files.writeString(dir.resolve("client.pem"), client.certificatePem());
    Files.writeString(dir.resolve("client.key"), client.keyPem());
    System.out.println("Test certificates written to " + dir.toAbsolutePath() + " (client subject: " + clientSubject
        + ")");
  }
}
