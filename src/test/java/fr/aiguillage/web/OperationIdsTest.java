package fr.aiguillage.web;

import fr.aiguillage.scope.Carried;
import fr.aiguillage.scope.OperationIds;
import fr.aiguillage.scope.OperationRow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of ids per operation against openapi.yaml, without a server (so it names what is missing even when the
 * service refuses to start for it). {@link CrossTerritoryContractTest} then sends every declared id.
 */
class OperationIdsTest {

  @Test
  @DisplayName("every operation of openapi.yaml has its row in OperationIds, and every row an operation")
  void everyOperationHasItsRow() {
    Set<String> inContract = ContractOperations.load().stream().map(ContractOperations.Op::operationId)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> inTable = OperationIds.all().stream().map(OperationRow::operationId)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inContract.stream().filter(op -> !inTable.contains(op)).toList())
        .as("operations without a row in OperationIds: add row(\"opId\", path(\"id\", KIND), ...) or "
            + "none(\"opId\", \"why\")").isEmpty();
    assertThat(inTable.stream().filter(op -> !inContract.contains(op)).toList())
        .as("rows of OperationIds for operations openapi.yaml no longer has").isEmpty();
  }

  @Test
  @DisplayName("every parameter or body field named like an id is declared, with the kind its name says")
  void everyIdLikeNameIsDeclared() {
    List<String> problems = new ArrayList<>();
    for (ContractOperations.Op op : ContractOperations.load()) {
      OperationRow row = OperationIds.of(op.operationId()).orElse(null);
      if (row == null) {
        continue;
      }
      op.names().forEach((name, in) -> {
        if (ContractOperations.looksLikeId(name) && row.notScoped().get(name) == null
            && row.carried().stream().noneMatch(c -> c.name().equals(name) && c.in() == in)) {
          problems.add(op.operationId() + ": " + in + " " + name + " is not declared");
        }
      });
      row.carried().stream().filter(c -> !op.names().containsKey(c.name()))
          .forEach(c -> problems.add(op.operationId() + ": declares " + c.name() + ", which the contract lacks"));
      row.carried().stream().filter(c -> c.in() != Carried.In.PATH && c.name().endsWith("Id")
              && !c.name().equals("operatorId") && !c.name().equals(c.kind().field()))
          .forEach(c -> problems.add(op.operationId() + ": " + c.name() + " declared as " + c.kind()));
    }
    assertThat(problems).isEmpty();
  }
}
