/**
 * The attendance proof as files a funder can file or load (DOMAIN.md, Calendar and attendance; ADR
 * 0013, ADR 0018): a PDF with an embedded Unicode font and a CSV, in French or English. Used by the
 * command line ({@code report attendance}) and the REST API alike, so both print the same.
 */
@NullMarked
package org.tremplin.core.report.document;

import org.jspecify.annotations.NullMarked;
