/**
 * LTI Deep Linking 2.0, tool side (LTI.md §4): the request's {@link
 * org.tremplin.lti.launch.DeepLinkingSettings}, the items a cohort's programme offers ({@link
 * org.tremplin.lti.deeplinking.ProgrammeItems}, named by {@link
 * org.tremplin.lti.deeplinking.ItemRef}), the pending requests between the launch and the trainer's
 * choice ({@link org.tremplin.lti.deeplinking.JdbiDeepLinkingRequests}), and the signed {@code
 * LtiDeepLinkingResponse} ({@link org.tremplin.lti.deeplinking.DeepLinkingResponses}). Framework-
 * free: the picker page lives in {@code org.tremplin.web.deeplinking}.
 */
@NullMarked
package org.tremplin.lti.deeplinking;

import org.jspecify.annotations.NullMarked;
