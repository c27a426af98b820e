package fr.aiguillage.rota.plan;

import fr.aiguillage.rota.model.Assignment;
import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.Proposal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The proposal over generated months: right (never rules), full, fair when it can be, deterministic. */
class ProposalPropertiesTest {

  private final RotaPlanner planner = new RotaPlanner();

  @Property(tries = 150)
  @Label("no proposal breaks a never rule: impossible band, absence, two places at once, beyond what was offered")
  void neverRulesHold(@ForAll long seed) {
    Generated month = Generated.month(seed);
    Proposal proposal = planner.propose(month.places(), month.volunteers());
    assertThat(Months.brokenRules(month.places(), month.volunteers(), proposal)).isEmpty();
  }

  @Property(tries = 100)
  @Label("the same month gives the same proposal twice, whatever the order of its inputs")
  void sameOutputTwice(@ForAll long seed) {
    Generated month = Generated.month(seed);
    List<Place> shuffled = new ArrayList<>(month.places());
    Collections.shuffle(shuffled, new Random(seed));
    List<fr.aiguillage.rota.model.Volunteer> others = new ArrayList<>(month.volunteers());
    Collections.shuffle(others, new Random(seed + 1));
    assertThat(planner.propose(shuffled, others)).isEqualTo(planner.propose(month.places(), month.volunteers()));
  }

  @Property(tries = 300)
  @Label("a small month fills as many places as any filling can, and its gaps are exactly the places left empty")
  void fillsAsManyAsPossibleAndListsExactlyItsGaps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int places,
                                                   @ForAll @IntRange(min = 1, max = 4) int volunteers) {
    Generated month = Generated.small(seed, places, volunteers);
    Proposal proposal = planner.propose(month.places(), month.volunteers());
    BruteForce truth = new BruteForce(month.places(), month.volunteers());
    assertThat(Months.brokenRules(month.places(), month.volunteers(), proposal)).isEmpty();
    assertThat(proposal.assignments()).hasSize(truth.maxFilled);
    Set<UUID> held = proposal.assignments().stream().map(Assignment::placeId).collect(Collectors.toSet());
    Set<UUID> expectedGaps = month.places().stream().map(Place::id).filter(id -> !held.contains(id))
        .collect(Collectors.toSet());
    assertThat(new HashSet<>(proposal.gaps())).isEqualTo(expectedGaps);
    assertThat(proposal.gaps()).hasSize(expectedGaps.size());
  }

  @Property(tries = 300)
  @Label("whenever some full filling keeps every volunteer within 1 of their share, the proposal does too")
  void fairnessBoundHeldWhenFeasible(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int places,
                                     @ForAll @IntRange(min = 1, max = 4) int volunteers) {
    Generated month = Generated.small(seed, places, volunteers);
    BruteForce truth = new BruteForce(month.places(), month.volunteers());
    Proposal proposal = planner.propose(month.places(), month.volunteers());
    if (truth.fairFeasible) {
      assertThat(proposal.largestGap()).isLessThanOrEqualTo(1.0 + 1e-9);
    }
  }
}
