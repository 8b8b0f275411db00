/**
 * From LTI role URIs to Tremplin roles (LTI.md §3): authorise on context (membership) roles, keep
 * sub-roles, fall back to institution or system administrators only without a context role.
 */
@NullMarked
package org.tremplin.lti.roles;

import org.jspecify.annotations.NullMarked;
