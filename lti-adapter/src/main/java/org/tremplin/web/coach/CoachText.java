package org.tremplin.web.coach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.web.page.Texts;

/**
 * The coach's pages' texts in French (default) or English, from the {@code CoachMessages} bundles:
 * dates as "lundi 7 septembre 2026", times as "10:30", an alert's evidence in words. Immutable and
 * thread-safe.
 */
final class CoachText {
  private static final String BUNDLE = "org.tremplin.web.coach.CoachMessages";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Texts texts;

  private CoachText(Texts texts) {
    this.texts = texts;
  }

  /** English for English, French for anything else. */
  static CoachText of(Locale locale) {
    return new CoachText(Texts.of(BUNDLE, locale));
  }

  Locale locale() {
    return texts.locale();
  }

  /** The text of this key with its arguments (MessageFormat). */
  String get(String key, Object... arguments) {
    return texts.get(key, arguments);
  }

  /** "lundi 7 septembre 2026". */
  String day(LocalDate date) {
    return texts.day(date);
  }

  /** "lundi 7 septembre 2026 à 10:30". */
  String dateTime(LocalDateTime at) {
    return get("coach.at", texts.day(at.toLocalDate()), TIME.format(at));
  }

  /** A signal's kind in a few words ("absences injustifiées"). */
  String kind(RiskSignal signal) {
    return get("coach.alert.kind." + kindCode(signal));
  }

  /** The code of a signal's kind, for the bundle and the page's data attributes. */
  static String kindCode(RiskSignal signal) {
    if (signal instanceof RiskSignal.UnjustifiedAbsences) {
      return "UNJUSTIFIED_ABSENCES";
    } else if (signal instanceof RiskSignal.LowAttendance) {
      return "LOW_ATTENDANCE";
    } else if (signal instanceof RiskSignal.NoCoachingMeeting) {
      return "NO_MEETING";
    } else if (signal instanceof RiskSignal.MissedMeetings) {
      return "MISSED_MEETINGS";
    } else if (signal instanceof RiskSignal.NoCompetencyProgress) {
      return "NO_PROGRESS";
    } else if (signal instanceof RiskSignal.EndingWithoutExitPlan) {
      return "ENDING";
    }
    return "READINESS_BEHIND";
  }

  /** What a signal rests on, in words: the alert's evidence. */
  String evidence(RiskSignal signal) {
    if (signal instanceof RiskSignal.UnjustifiedAbsences s) {
      return get(
          "coach.alert.evidence.UNJUSTIFIED_ABSENCES",
          s.halfDays().size(),
          s.windowDays(),
          s.halfDays().stream()
              .map(h -> get("coach.halfday", day(h.date()), get("coach.part." + h.part().name())))
              .collect(Collectors.joining(", ")));
    } else if (signal instanceof RiskSignal.LowAttendance s) {
      return get(
          "coach.alert.evidence.LOW_ATTENDANCE",
          texts.percent(s.rate()),
          texts.percent(s.minimum()),
          s.windowDays(),
          day(s.since()));
    } else if (signal instanceof RiskSignal.NoCoachingMeeting s) {
      return get("coach.alert.evidence.NO_MEETING", day(s.since()), s.days());
    } else if (signal instanceof RiskSignal.MissedMeetings s) {
      return get("coach.alert.evidence.MISSED_MEETINGS", s.missed());
    } else if (signal instanceof RiskSignal.NoCompetencyProgress s) {
      return get("coach.alert.evidence.NO_PROGRESS", day(s.since()), s.days());
    } else if (signal instanceof RiskSignal.EndingWithoutExitPlan s) {
      return get(
          "coach.alert.evidence.ENDING",
          get("coach.ending." + (s.what().equals("PASS_IAE") ? "PASS_IAE" : "CONTRACT")),
          day(s.end()),
          s.daysLeft());
    }
    RiskSignal.ReadinessBehind s = (RiskSignal.ReadinessBehind) signal;
    return get(
        "coach.alert.evidence.READINESS_BEHIND",
        texts.percent(s.acquiredShare()),
        texts.percent(s.expectedShare()));
  }
}
