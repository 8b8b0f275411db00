/**
 * Platform registrations: which LMS (issuer, client id) we trust, where its endpoints and keys are,
 * and which deployments it may launch from. Lookup rules are LTI.md §1.2; Dynamic Registration
 * ({@link org.tremplin.lti.registration.DynamicRegistration}) and the Canvas developer-key JSON are
 * LTI.md §7 and the 1EdTech "LTI Dynamic Registration 1.0" specification. {@link
 * org.tremplin.lti.registration.JdbiRegistrations} keeps the registrations Dynamic Registration
 * obtains and the deployment ids launches teach, beside the configured ones.
 */
@NullMarked
package org.tremplin.lti.registration;

import org.jspecify.annotations.NullMarked;
