package fr.aiguillage.triage.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aiguillage.failure.FieldError;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.triage.model.Complaint;
import fr.aiguillage.triage.model.RedFlag;
import fr.aiguillage.triage.model.TriageRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The contract's {@code TriageQuestionnaire} schema checked in full by hand, for {@code POST /triage/preview}, which the
 * console calls after every answer (issue 12 asks p99 ≤ 5 ms): the generic schema validator cost as much CPU as the
 * whole route (decision 0035). Every rule of the schema is here, each refusal a 400 naming its field as the contract's
 * validator names it: required {@code age}, {@code sex}, {@code complaint}; no other field; ids as UUIDs; age a number
 * 0–130; sex and complaint, red flags their enums (at most 11); answers an object of at most 100 numbers, booleans
 * or strings. {@code QuestionnaireBodyTest} sends each bad body to this route and to {@code POST /triage} (still
 * checked by the contract) and expects the same fields named.
 */
final class QuestionnaireBody {

  static final int MAX_RED_FLAGS = 11;
  static final int MAX_ANSWERS = 100;

  private static final Set<String> FIELDS = Set.of("callId", "patientId", "age", "sex", "complaint", "redFlags",
      "answers");
  private static final Set<String> SEXES = Set.of("F", "M");
  private static final Map<String, Complaint> COMPLAINTS = Stream.of(Complaint.values())
      .collect(Collectors.toUnmodifiableMap(Complaint::name, c -> c));
  private static final Map<String, RedFlag> RED_FLAGS = Stream.of(RedFlag.values())
      .collect(Collectors.toUnmodifiableMap(RedFlag::name, f -> f));
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private QuestionnaireBody() {
  }

  /** The questionnaire, or an {@link Invalid} naming every refused field. */
  static TriageRequest read(JsonNode body) {
    if (!body.isObject()) {
      throw new Invalid("body", "must be a JSON object (a questionnaire)");
    }
    List<FieldError> refused = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        refused.add(new FieldError(name, "unknown field"));
      }
    }
    UUID callId = uuid(body, "callId", refused);
    UUID patientId = uuid(body, "patientId", refused);
    Double age = age(body.get("age"), refused);
    String sex = choice(body, "sex", SEXES, refused) ? body.get("sex").textValue() : null;
    Complaint complaint = choice(body, "complaint", COMPLAINTS.keySet(), refused)
        ? COMPLAINTS.get(body.get("complaint").textValue()) : null;
    List<RedFlag> redFlags = redFlags(body.get("redFlags"), refused);
    Map<String, Object> answers = answers(body.get("answers"), refused);
    if (!refused.isEmpty()) {
      throw new Invalid(refused);
    }
    return new TriageRequest(callId, patientId, age, sex, complaint, redFlags, answers);
  }

  private static UUID uuid(JsonNode body, String field, List<FieldError> refused) {
    JsonNode node = body.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual() || !UUID_TEXT.matcher(node.textValue()).matches()) {
      refused.add(new FieldError(field, "must be a UUID"));
      return null;
    }
    return UUID.fromString(node.textValue());
  }

  private static Double age(JsonNode node, List<FieldError> refused) {
    if (node == null) {
      refused.add(new FieldError("age", "required"));
      return null;
    }
    double years = node.isNumber() ? node.doubleValue() : Double.NaN;
    if (!(years >= 0 && years <= 130)) {
      refused.add(new FieldError("age", "years between 0 and 130 (decimals allowed: 0.2 is about ten weeks)"));
      return null;
    }
    return years;
  }

  /** True when the required field is one of the values. */
  private static boolean choice(JsonNode body, String field, Set<String> values, List<FieldError> refused) {
    JsonNode node = body.get(field);
    if (node == null) {
      refused.add(new FieldError(field, "required"));
      return false;
    }
    if (!node.isTextual() || !values.contains(node.textValue())) {
      refused.add(new FieldError(field, "must be one of " + values.stream().sorted().toList()));
      return false;
    }
    return true;
  }

  private static List<RedFlag> redFlags(JsonNode node, List<FieldError> refused) {
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.size() > MAX_RED_FLAGS) {
      refused.add(new FieldError("redFlags", "a list of at most " + MAX_RED_FLAGS + " red flags"));
      return null;
    }
    List<RedFlag> flags = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      RedFlag flag = item.isTextual() ? RED_FLAGS.get(item.textValue()) : null;
      if (flag == null) {
        refused.add(new FieldError("redFlags[" + i + "]", "must be one of " + RED_FLAGS.keySet().stream().sorted()
            .toList()));
      } else {
        flags.add(flag);
      }
    }
    return flags;
  }

  /** The answers as Jackson binds them into a map: Integer, Long, BigInteger, Double, Boolean or String values. */
  private static Map<String, Object> answers(JsonNode node, List<FieldError> refused) {
    if (node == null) {
      return null;
    }
    if (!node.isObject() || node.size() > MAX_ANSWERS) {
      refused.add(new FieldError("answers", "an object of at most " + MAX_ANSWERS + " answers"));
      return null;
    }
    Map<String, Object> answers = new LinkedHashMap<>();
    node.fields().forEachRemaining(answer -> {
      JsonNode value = answer.getValue();
      if (value.isNumber()) {
        answers.put(answer.getKey(), value.numberValue());
      } else if (value.isBoolean()) {
        answers.put(answer.getKey(), value.booleanValue());
      } else if (value.isTextual()) {
        answers.put(answer.getKey(), value.textValue());
      } else {
        refused.add(new FieldError("answers." + answer.getKey(), "must be a number, a boolean or a string"));
      }
    });
    return answers;
  }
}
