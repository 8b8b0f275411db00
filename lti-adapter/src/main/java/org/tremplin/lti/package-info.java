/**
 * The LTI 1.3 protocol, framework-free: registrations, OIDC login, launch validation, tool keys,
 * deep linking, AGS and NRPS. Skeleton for now; see LTI.md.
 */
@NullMarked
package org.tremplin.lti;

import org.jspecify.annotations.NullMarked;
