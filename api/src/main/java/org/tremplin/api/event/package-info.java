/**
 * Domain events and the consumer SPI of Tremplin's durable outbox (ADR 0006; ARCHITECTURE.md, Data
 * flow). A change writes its {@link org.tremplin.api.event.PathEvent} in its own transaction; a
 * relay later hands each stored event, wrapped in an {@link org.tremplin.api.event.EventEnvelope},
 * to every registered {@link org.tremplin.api.event.EventConsumer} at least once.
 */
@NullMarked
package org.tremplin.api.event;

import org.jspecify.annotations.NullMarked;
