/**
 * Calls from the tool to a platform's LTI Advantage services (LTI.md §5, §6; 1EdTech Security
 * Framework §4.1 "Using JSON Web Tokens with OAuth 2.0 Client Credentials Grant"): {@link
 * org.tremplin.lti.services.ServiceTokens} obtains and caches the OAuth 2 client-credentials tokens
 * (client assertion signed with the tool's key) and sends authorised requests, retrying once on
 * 401; {@link org.tremplin.lti.services.ServiceEndpoints} remembers, per course, the service
 * endpoints its launches carry ({@link org.tremplin.lti.services.CourseServices}: NRPS memberships,
 * AGS line items and scopes). Feature code (roster sync, grades) builds on these two.
 */
@NullMarked
package org.tremplin.lti.services;

import org.jspecify.annotations.NullMarked;
