package fr.aiguillage.triage.model;

import java.util.List;

/** What a client needs to build the questionnaire: complaints, red flags and questions with their French labels. */
public record Vocabulary(String rulesVersion, List<Term> redFlags, List<ComplaintTerm> complaints,
                         List<Question> questions) {

  /** A key and its French label. */
  public record Term(String key, String label) {
  }

  /** A complaint and the questions that apply to it, in the order a form asks them. */
  public record ComplaintTerm(String key, String label, List<String> questions) {
  }
}
