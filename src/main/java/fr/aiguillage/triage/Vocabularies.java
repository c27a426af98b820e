package fr.aiguillage.triage;

import fr.aiguillage.triage.model.Complaint;
import fr.aiguillage.triage.model.RedFlag;
import fr.aiguillage.triage.model.Vocabulary;

import java.util.Arrays;
import java.util.List;

/** The vocabulary a client builds its form from, read off the rules in force (never hard-coded by clients). */
final class Vocabularies {

  private Vocabularies() {
  }

  static Vocabulary of(TriageRules rules) {
    List<Vocabulary.Term> flags = Arrays.stream(RedFlag.values())
        .map(f -> new Vocabulary.Term(f.name(), rules.redFlagLabels().get(f))).toList();
    List<Vocabulary.ComplaintTerm> complaints = Arrays.stream(Complaint.values())
        .map(c -> new Vocabulary.ComplaintTerm(c.name(), rules.complaintLabels().get(c),
            rules.complaintQuestions().getOrDefault(c, List.of()))).toList();
    return new Vocabulary(rules.version(), flags, complaints, List.copyOf(rules.questions().values()));
  }
}
