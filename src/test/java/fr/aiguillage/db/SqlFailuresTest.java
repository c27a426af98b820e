package fr.aiguillage.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFailuresTest {

  @Test
  @DisplayName("a foreign key's default name gives the API field it guards")
  void fieldOfForeignKey() {
    assertThat(SqlFailures.field("call", "call_operator_id_fkey")).isEqualTo("operatorId");
    assertThat(SqlFailures.field("triage_assessment", "triage_assessment_call_id_fkey")).isEqualTo("callId");
    assertThat(SqlFailures.field(null, null)).isEqualTo("body");
  }

  @Test
  @DisplayName("only database errors that are the caller's doing become refusals")
  void onlyDatabaseRefusals() {
    assertThat(SqlFailures.refusal(new IllegalStateException("bug"))).isNull();
    assertThat(SqlFailures.refusal(null)).isNull();
  }
}
