package org.tremplin.core.insertion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.LearnerId;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.contract.Suspension;
import org.tremplin.core.internal.Database;

/** The suspension table, which contracts and PASS IAE share (one subject column). Stateless. */
final class SuspensionRows {
  /** What a suspension suspends. */
  enum Subject {
    /** The insertion contract. */
    CONTRACT,
    /** The PASS IAE. */
    PASS
  }

  private SuspensionRows() {}

  /** Inserts suspension number {@code seq} (1-based) of the subject; fails if it is taken. */
  static void append(
      Handle h, LearnerId learner, Subject subject, int seq, Suspension s, String by, Instant at) {
    h.createUpdate(
            "insert into tremplin_suspension (learner_id, subject, seq, first_day,"
                + " last_day, reason, recorded_by, recorded_at) values (:l, :subject,"
                + " :seq, :first, :last, :reason, :by, :at)")
        .bind("l", learner.value())
        .bind("subject", subject.name())
        .bind("seq", seq)
        .bind("first", s.period().first())
        .bind("last", s.period().last())
        .bind("reason", s.reason())
        .bind("by", by)
        .bind("at", Database.timestamp(at))
        .execute();
  }

  /** The subject's suspensions of these learners, each learner's in order; absent when none. */
  static Map<LearnerId, List<Suspension>> ofAll(Handle h, List<UUID> learners, Subject subject) {
    Map<LearnerId, List<Suspension>> all = new HashMap<>();
    h.createQuery(
            "select learner_id, first_day, last_day, reason from tremplin_suspension where"
                + " learner_id in (<learners>) and subject = :subject order by learner_id, seq")
        .bindList("learners", learners)
        .bind("subject", subject.name())
        .map(
            (rs, ctx) ->
                Map.entry(
                    new LearnerId(rs.getObject("learner_id", UUID.class)),
                    new Suspension(
                        new DateRange(
                            rs.getObject("first_day", LocalDate.class),
                            rs.getObject("last_day", LocalDate.class)),
                        rs.getString("reason"))))
        .forEach(e -> all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return all;
  }

  /** The subject's suspensions, in order. */
  static List<Suspension> of(Handle h, LearnerId learner, Subject subject) {
    return h.createQuery(
            "select first_day, last_day, reason from tremplin_suspension where learner_id = :l"
                + " and subject = :subject order by seq")
        .bind("l", learner.value())
        .bind("subject", subject.name())
        .map(
            (rs, ctx) ->
                new Suspension(
                    new DateRange(
                        rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class)),
                    rs.getString("reason")))
        .list();
  }
}
