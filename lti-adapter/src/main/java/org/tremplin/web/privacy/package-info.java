/**
 * What the tool holds about staff who are not learners (trainers, coaches, managers): found by name
 * or e-mail, exported, erased by an operator (ADR 0026).
 */
@NullMarked
package org.tremplin.web.privacy;

import org.jspecify.annotations.NullMarked;
