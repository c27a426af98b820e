package fr.aiguillage.triage;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rules this instance applies, swapped whole by a reload (a triage reads one engine, never half of two).
 * The file on disk and its shipped cases ({@code triage-cases.json} beside it) are what a reload checks.
 */
public final class RulesInForce {

  private final Path rulesFile;
  private final AtomicReference<TriageEngine> engine;

  public RulesInForce(Path rulesFile) {
    this.rulesFile = rulesFile;
    this.engine = new AtomicReference<>(new TriageEngine(TriageRules.load(rulesFile)));
  }

  public TriageEngine engine() {
    return engine.get();
  }

  public Path rulesFile() {
    return rulesFile;
  }

  public Path casesFile() {
    return rulesFile.resolveSibling("triage-cases.json");
  }

  void replace(TriageEngine next) {
    engine.set(next);
  }
}
