/**
 * The REST API's schools ({@code /api/v1/schools}): list those the token's scope covers, read one,
 * create one (network administrators), and the school's learners (register one). docs/api.md.
 */
@NullMarked
package org.tremplin.web.api.school;

import org.jspecify.annotations.NullMarked;
