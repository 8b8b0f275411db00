package org.tremplin.api.event;

import java.util.regex.Pattern;

/**
 * Reacts to stored events (SPI). Register one with core's event relay ({@code
 * Tremplin.relay().register}); the relay hands it every stored event, from the first one, in its
 * own delivery row per (event, consumer).
 *
 * <p><b>Contract.</b>
 *
 * <ul>
 *   <li><b>At least once.</b> An event is delivered again when {@link #accept} throws, and when the
 *       node delivering it stops or crashes before recording the acknowledgement (once the lease
 *       has expired). Implementations must be <b>idempotent</b>: handling the same {@link
 *       EventEnvelope#id()} twice must have the effect of handling it once (e.g. raise only what is
 *       not raised yet, key a score by the evidence id).
 *   <li><b>Not at once.</b> While a delivery is leased, no other relay (node) delivers the same
 *       event to the same consumer; a delivery that outlasts the lease (30 s by default) may be
 *       repeated elsewhere.
 *   <li><b>No order.</b> Events usually arrive in the order they were stored, but a retried event
 *       arrives after later ones: do not rely on order.
 *   <li><b>Failure.</b> Throw any runtime exception to have the event retried later, with a growing
 *       delay; the exception's {@code ErrorCode} (or class name) is kept, never its message. A
 *       failing consumer does not hold up other consumers, nor other events.
 *   <li><b>Ignore what you do not need:</b> return normally for events of no interest (new event
 *       types may be added to {@link PathEvent}).
 * </ul>
 *
 * <p>Implementations are called from the relay's thread and from callers of {@code deliverDue()},
 * possibly at the same time: they must be thread-safe.
 */
public interface EventConsumer {
  /** What a consumer's {@link #name()} looks like: lower-case letters, digits, dots, dashes. */
  Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

  /**
   * The consumer's stable name (matching {@link #NAME}), e.g. {@code core.alerts}: deliveries are
   * recorded under it, so renaming a consumer makes it receive every stored event again.
   *
   * @return the consumer's stable name (matching {@link #NAME}), e.g
   */
  String name();

  /**
   * Handles one event; returning normally acknowledges it.
   *
   * @param envelope the event with its id and time
   * @throws RuntimeException to have the event delivered again later
   */
  void accept(EventEnvelope envelope);
}
