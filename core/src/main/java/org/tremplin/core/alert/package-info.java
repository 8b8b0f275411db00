/** The early-warning rules: risk signals from a learner's situation (DOMAIN.md, Early warnings). */
@NullMarked
package org.tremplin.core.alert;

import org.jspecify.annotations.NullMarked;
