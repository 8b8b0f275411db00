package org.tremplin.core.alert;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.core.internal.Json;

/** Stores risk signals (with their evidence) and thresholds as JSON. Thread-safe. */
final class SignalCodec {
  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(RiskSignal.UnjustifiedAbsences.class),
    @JsonSubTypes.Type(RiskSignal.LowAttendance.class),
    @JsonSubTypes.Type(RiskSignal.NoCoachingMeeting.class),
    @JsonSubTypes.Type(RiskSignal.MissedMeetings.class),
    @JsonSubTypes.Type(RiskSignal.NoCompetencyProgress.class),
    @JsonSubTypes.Type(RiskSignal.EndingWithoutExitPlan.class),
    @JsonSubTypes.Type(RiskSignal.ReadinessBehind.class)
  })
  interface SignalMixin {}

  private static final ObjectMapper MAPPER =
      Json.mapper().copy().addMixIn(RiskSignal.class, SignalMixin.class);

  private SignalCodec() {}

  static String write(RiskSignal signal) {
    try {
      return MAPPER.writerFor(RiskSignal.class).writeValueAsString(signal);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write signal", e);
    }
  }

  static RiskSignal read(String json) {
    try {
      return MAPPER.readValue(json, RiskSignal.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stored signal", e);
    }
  }

  static String write(RiskThresholds t) {
    try {
      return MAPPER.writeValueAsString(t);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write thresholds", e);
    }
  }

  static RiskThresholds readThresholds(String json) {
    try {
      return MAPPER.readValue(json, RiskThresholds.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stored thresholds", e);
    }
  }
}
