/**
 * JAX-RS resources for the LTI endpoints (ARCHITECTURE.md, "External contract"; LTI.md §1, §2):
 * {@code /lti/login}, {@code /lti/launch}, {@code /lti/jwks}, and for platform administrators
 * {@code /lti/register} (Dynamic Registration, LTI.md §7), {@code /lti/canvas.json} and {@code
 * /lti/logo.svg}. They only extract the request, call {@code org.tremplin.lti} and map the outcome
 * to a response; every refusal is an HTML page with its code, never a redirect, never a session.
 */
@NullMarked
package org.tremplin.web.lti;

import org.jspecify.annotations.NullMarked;
