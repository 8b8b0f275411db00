package org.tremplin.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.event.AssessmentRecorded;
import org.tremplin.api.event.AttendanceRecorded;
import org.tremplin.api.event.MeetingRecorded;
import org.tremplin.api.event.PathEvent;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceId;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;

/**
 * Events to and from their stored form: a kind (the record's simple name) and a small JSON body of
 * ids and codes. The stored form is a contract with rows already written: add fields, never rename
 * them. Thread-safe.
 */
final class EventCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventCodec() {}

  /** The kind column of an event. */
  static String kind(PathEvent event) {
    return event.getClass().getSimpleName();
  }

  /** The body column of an event. */
  static String write(PathEvent event) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("cohort", event.cohort().value().toString());
    if (event instanceof AttendanceRecorded a) {
      var learners = n.putArray("learners");
      a.learners().stream().map(l -> l.value().toString()).sorted().forEach(learners::add);
    } else if (event instanceof MeetingRecorded m) {
      n.put("learner", m.learner().value().toString());
    } else if (event instanceof AssessmentRecorded a) {
      n.put("learner", a.learner().value().toString());
      n.put("evidence", a.evidence().value().toString());
      n.put("competency", a.target().competency());
      if (a.target() instanceof EvidenceTarget.OnCriterion c) {
        n.put("criterion", c.criterion());
      }
      n.put("source", a.source().name());
      n.put("result", a.result().name());
      n.put("assessedOn", a.assessedOn().toString());
    }
    return n.toString();
  }

  /** Reads a stored event back. */
  static PathEvent read(String kind, String body) {
    try {
      JsonNode n = MAPPER.readTree(body);
      CohortId cohort = new CohortId(uuid(n, "cohort"));
      return switch (kind) {
        case "AttendanceRecorded" -> {
          Set<LearnerId> learners = new HashSet<>();
          n.get("learners").forEach(l -> learners.add(new LearnerId(UUID.fromString(l.asText()))));
          yield new AttendanceRecorded(cohort, learners);
        }
        case "MeetingRecorded" -> new MeetingRecorded(cohort, new LearnerId(uuid(n, "learner")));
        case "AssessmentRecorded" -> {
          String competency = n.get("competency").asText();
          EvidenceTarget target =
              n.has("criterion")
                  ? new EvidenceTarget.OnCriterion(competency, n.get("criterion").asText())
                  : new EvidenceTarget.OnCompetency(competency);
          yield new AssessmentRecorded(
              cohort,
              new LearnerId(uuid(n, "learner")),
              new EvidenceId(uuid(n, "evidence")),
              target,
              EvidenceSource.valueOf(n.get("source").asText()),
              AssessmentResult.valueOf(n.get("result").asText()),
              LocalDate.parse(n.get("assessedOn").asText()));
        }
        default -> throw unreadable(kind, null);
      };
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof TremplinException t) {
        throw t;
      }
      throw unreadable(kind, e);
    }
  }

  private static UUID uuid(JsonNode n, String field) {
    return UUID.fromString(n.get(field).asText());
  }

  private static TremplinException unreadable(String kind, Exception cause) {
    String message = "stored event of kind " + kind + " cannot be read";
    return cause == null
        ? new TremplinException(ErrorCode.STORE_FAILURE, message)
        : new TremplinException(ErrorCode.STORE_FAILURE, message, cause);
  }
}
