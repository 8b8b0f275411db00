/**
 * Privacy of learners' personal data: the audit trail of reads and changes of insertion and
 * coaching data, and next export, erasure and retention (GDPR; coaching notes are sensitive).
 */
@NullMarked
package org.tremplin.api.privacy;

import org.jspecify.annotations.NullMarked;
