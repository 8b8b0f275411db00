/**
 * The durable event outbox (ADR 0006; ARCHITECTURE.md, Data flow): {@link
 * org.tremplin.core.outbox.EventOutbox} writes a service's event in the transaction of its change;
 * {@link org.tremplin.core.outbox.EventRelay} delivers stored events to the registered {@link
 * org.tremplin.api.event.EventConsumer}s with leases, retries and backoff, at least once.
 */
@NullMarked
package org.tremplin.core.outbox;

import org.jspecify.annotations.NullMarked;
