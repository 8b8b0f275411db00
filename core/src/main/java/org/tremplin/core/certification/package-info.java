/** Certification reference data (DWWM 2018 and 2023) loaded from versioned resources. */
@NullMarked
package org.tremplin.core.certification;

import org.jspecify.annotations.NullMarked;
