/**
 * What a launch leads to, framework-free (LTI.md §2.10, §3; STYLE.md, pac4j anchor): {@link
 * org.tremplin.lti.flow.LaunchFlow} validates the platform's post, records a deployment learnt
 * under auto-deployments, maps the roles with the registration the launch was validated against,
 * resolves the Tremplin identity and opens the session, and answers a neutral {@link
 * org.tremplin.lti.flow.FlowOutcome}. A web adapter only reads the request into a {@link
 * org.tremplin.lti.launch.LaunchRequest} and turns the outcome into its response.
 */
@NullMarked
package org.tremplin.lti.flow;

import org.jspecify.annotations.NullMarked;
