package org.tremplin.api.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitCategory;

/**
 * The Grande École du Numérique indicators of a scope for one calendar year (DOMAIN.md, Reports;
 * Exits). Test accounts are never counted. Shares are out of the entries whose funder facts are
 * known (the entries without facts are a figure of their own); the facts counted are the newest
 * version declared for the learner.
 *
 * @param scope the schools covered
 * @param year the calendar year
 * @param entries learners who first joined a cohort of the scope during the year
 * @param withoutFunderFacts entries with no funder facts declared
 * @param completions learners still enrolled on the last day of a cohort of the scope ending during
 *     the year (not left, no exit before that day)
 * @param fullTitles learners whose newest certification result, of a session in the year, is the
 *     full title
 * @param partialTitles learners whose newest certification result, of a session in the year, is
 *     some competency blocks
 * @param women entries declared as women
 * @param neet entries neither in employment, education nor training at entry
 * @param qpvResidents entries living in a QPV
 * @param atOrBelowBac entries whose highest diploma is the bac (level 4) or below
 * @param under26 entries younger than 26 on the day they joined
 * @param leavers learners whose exit (its newest version) is dated in the year
 * @param situationAtSixMonths the followed-up leavers by the category of their situation six months
 *     after the exit, every category present
 * @param followUpPending leavers whose six-month situation is not recorded yet
 */
public record GenIndicators(
    ReportScope scope,
    int year,
    Figure entries,
    Figure withoutFunderFacts,
    Figure completions,
    Figure fullTitles,
    Figure partialTitles,
    Figure women,
    Figure neet,
    Figure qpvResidents,
    Figure atOrBelowBac,
    Figure under26,
    Figure leavers,
    Map<ExitCategory, Figure> situationAtSixMonths,
    Figure followUpPending) {
  /**
   * All required; every exit category present.
   *
   * @param scope the scope
   * @param year the year
   * @param entries the entries
   * @param withoutFunderFacts the entries without facts
   * @param completions the completions
   * @param fullTitles the full titles
   * @param partialTitles the partial titles
   * @param women the women
   * @param neet the NEET entries
   * @param qpvResidents the QPV residents
   * @param atOrBelowBac the entries at or below the bac
   * @param under26 the entries under 26
   * @param leavers the leavers
   * @param situationAtSixMonths the followed-up leavers by category
   * @param followUpPending the leavers not followed up yet
   */
  public GenIndicators {
    TremplinException.required(scope, "scope");
    TremplinException.required(entries, "entries");
    TremplinException.required(withoutFunderFacts, "without funder facts");
    TremplinException.required(completions, "completions");
    TremplinException.required(fullTitles, "full titles");
    TremplinException.required(partialTitles, "partial titles");
    TremplinException.required(women, "women");
    TremplinException.required(neet, "neet");
    TremplinException.required(qpvResidents, "qpv residents");
    TremplinException.required(atOrBelowBac, "at or below bac");
    TremplinException.required(under26, "under 26");
    TremplinException.required(leavers, "leavers");
    TremplinException.required(followUpPending, "follow-up pending");
    EnumMap<ExitCategory, Figure> copy = new EnumMap<>(ExitCategory.class);
    copy.putAll(TremplinException.required(situationAtSixMonths, "situation at six months"));
    TremplinException.check(
        copy.size() == ExitCategory.values().length, "every exit category needs a figure");
    situationAtSixMonths = Collections.unmodifiableMap(copy);
  }

  /**
   * A figure of the entries as a share of the entries whose funder facts are known.
   *
   * @param figure one of {@link #women}, {@link #neet}, {@link #qpvResidents}, {@link
   *     #atOrBelowBac}, {@link #under26}
   * @return the share
   */
  public Rate shareOfEntries(Figure figure) {
    return new Rate(figure.count(), entries.count() - withoutFunderFacts.count());
  }

  /**
   * The followed-up leavers.
   *
   * @return how many leavers have their six-month situation recorded
   */
  public int followedUp() {
    return situationAtSixMonths.values().stream().mapToInt(Figure::count).sum();
  }

  /**
   * Dynamic situations (durable, transition, positive) six months after the exit, out of the
   * followed-up leavers minus the neutralised ones.
   *
   * @return the rate
   */
  public Rate dynamicAtSixMonths() {
    int durable = situationAtSixMonths.get(ExitCategory.EMPLOI_DURABLE).count();
    return new Rate(
        durable
            + situationAtSixMonths.get(ExitCategory.EMPLOI_TRANSITION).count()
            + situationAtSixMonths.get(ExitCategory.SORTIE_POSITIVE).count(),
        followedUp() - situationAtSixMonths.get(ExitCategory.NEUTRALISEE).count());
  }

  /**
   * Durable employment six months after the exit, out of the followed-up leavers minus the
   * neutralised ones.
   *
   * @return the rate
   */
  public Rate durableAtSixMonths() {
    return new Rate(
        situationAtSixMonths.get(ExitCategory.EMPLOI_DURABLE).count(),
        followedUp() - situationAtSixMonths.get(ExitCategory.NEUTRALISEE).count());
  }
}
