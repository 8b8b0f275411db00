/**
 * The REST API, {@code /api/v1} (issue 13, item 5; docs/api.md; ADR 0012): {@link
 * org.tremplin.web.api.ApiComponents} lists its providers and resources for {@code
 * TremplinFeature}, and {@link org.tremplin.web.api.OpenApiResource} serves its OpenAPI 3.1
 * description at {@code /api/openapi.json}, generated from the resources by swagger when the host
 * has it. The frame every operation shares is {@code org.tremplin.web.api.frame}; the resources
 * live by feature beside it.
 */
@NullMarked
package org.tremplin.web.api;

import org.jspecify.annotations.NullMarked;
