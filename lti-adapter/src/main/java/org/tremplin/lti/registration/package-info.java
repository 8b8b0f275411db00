/**
 * Platform registrations: which LMS (issuer, client id) we trust, where its endpoints and keys are,
 * and which deployments it may launch from. Lookup rules are LTI.md §1.2.
 */
@NullMarked
package org.tremplin.lti.registration;

import org.jspecify.annotations.NullMarked;
