/**
 * What every operation of the REST API ({@code /api/v1}, docs/api.md, ADR 0012) shares: bearer
 * authentication with the API tokens of core ({@link org.tremplin.web.api.frame.ApiGuard}: one
 * {@link org.tremplin.api.access.Actor} per request, a rate limit per token), JSON through one
 * Jackson mapper ({@link org.tremplin.web.api.frame.ApiJson}), RFC 9457 problem details ({@link
 * org.tremplin.web.api.frame.Problem}), cursor pagination ({@link
 * org.tremplin.web.api.frame.Paging}) and entity tags ({@link
 * org.tremplin.web.api.frame.Preconditions}). Authorisation is core's: resources call the same
 * services as the pages with the token's actor (ADR 0003).
 */
@NullMarked
package org.tremplin.web.api.frame;

import org.jspecify.annotations.NullMarked;
