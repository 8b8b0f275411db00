package org.tremplin.api.insertion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tremplin.api.TremplinException;
import org.tremplin.api.eligibility.ProfileFact;

/**
 * The facts of a learner's profile from which eligibility criteria are suggested: birth date,
 * education level, jobseeker registration date and declared criteria, plus the QPV checks of their
 * residence (with geography version and check date).
 *
 * @param facts birth date, education level and jobseeker registration (each at most once) and
 *     declared criteria (each at most once); never a QPV residence, which comes from {@code
 *     priorityNeighbourhoods}
 * @param priorityNeighbourhoods the checks of the residence, at most one per geography; empty when
 *     the learner does not live in a QPV or it was not checked
 */
public record EligibilityProfile(
    List<ProfileFact> facts, List<PriorityNeighbourhoodCheck> priorityNeighbourhoods) {
  /**
   * Lists required; no duplicate fact, no QPV residence among the facts.
   *
   * @param facts the facts
   * @param priorityNeighbourhoods the priority neighbourhoods
   */
  public EligibilityProfile {
    facts = List.copyOf(TremplinException.required(facts, "profile facts"));
    priorityNeighbourhoods =
        List.copyOf(TremplinException.required(priorityNeighbourhoods, "QPV checks"));
    Set<Object> seen = new HashSet<>();
    for (ProfileFact f : facts) {
      TremplinException.check(
          !(f instanceof ProfileFact.PriorityNeighbourhoodResidence),
          "a QPV residence is given as a PriorityNeighbourhoodCheck, with its geography and date");
      Object key = f instanceof ProfileFact.Declared d ? d.criterion() : f.getClass();
      TremplinException.check(
          seen.add(key), "profile fact " + f.getClass().getSimpleName() + " is given twice");
    }
    TremplinException.check(
        priorityNeighbourhoods.stream()
                .map(PriorityNeighbourhoodCheck::geography)
                .distinct()
                .count()
            == priorityNeighbourhoods.size(),
        "a QPV geography is checked twice");
  }

  /**
   * A profile without any fact.
   *
   * @return a profile without any fact
   */
  public static EligibilityProfile empty() {
    return new EligibilityProfile(List.of(), List.of());
  }

  /**
   * Every fact, QPV residences included, as the eligibility rules take them.
   *
   * @return every fact, QPV residences included, as the eligibility rules take them
   */
  public List<ProfileFact> allFacts() {
    List<ProfileFact> all = new ArrayList<>(facts);
    priorityNeighbourhoods.forEach(c -> all.add(c.asFact()));
    return List.copyOf(all);
  }
}
