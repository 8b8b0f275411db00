/**
 * The pages of Deep Linking 2.0 (LTI.md §4): the picker a trainer reaches from a deep linking
 * request ({@code /lti/deep-linking}), the signed response posted back to the platform ({@code
 * /lti/deep-linking/response}, auto-submitted by {@code /lti/autopost.js}), and the page a
 * deep-linked activity opens ({@code /app/item}). The protocol lives in {@code
 * org.tremplin.lti.deeplinking}; these classes read the request, call it, and render.
 */
@NullMarked
package org.tremplin.web.deeplinking;

import org.jspecify.annotations.NullMarked;
