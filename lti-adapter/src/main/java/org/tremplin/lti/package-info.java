/**
 * The LTI 1.3 protocol, framework-free: registrations, OIDC login, launch validation, tool keys,
 * deep linking, AGS and NRPS (LTI.md). Registrations, login, launch validation, platform keys and
 * role mapping live in sub-packages by feature.
 */
@NullMarked
package org.tremplin.lti;

import org.jspecify.annotations.NullMarked;
