package fr.aiguillage;

import java.util.Map;

/** Secrets come from the environment only, never from files in the repository. */
public record Secrets(String adminPassword, String demoPassword) {

  public static Secrets fromEnvironment(Map<String, String> env) {
    return new Secrets(env.get("AIGUILLAGE_ADMIN_PASSWORD"), env.get("AIGUILLAGE_DEMO_PASSWORD"));
  }
}
