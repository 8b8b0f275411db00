/**
 * OIDC third-party initiated login (LTI.md §1, 1EdTech Security Framework §5.1.1): parameter
 * checks, the redirect to the platform's authorisation endpoint, and the login state kept until the
 * launch ({@link org.tremplin.lti.login.LoginStates}; without writing anything: {@link
 * org.tremplin.lti.login.SignedLoginStates}). Plain code: the JAX-RS resource only extracts
 * parameters and writes the response.
 */
@NullMarked
package org.tremplin.lti.login;

import org.jspecify.annotations.NullMarked;
