/**
 * Funders' reports (DOMAIN.md, Reports): the school's yearly review, the Grande École du Numérique
 * indicators, the attendance proof and the network view. Every figure carries the learners it
 * counts, so it can be traced (by name, or by pseudonymous reference for readers without access to
 * learner files); test accounts are never counted.
 */
@NullMarked
package org.tremplin.api.report;

import org.jspecify.annotations.NullMarked;
