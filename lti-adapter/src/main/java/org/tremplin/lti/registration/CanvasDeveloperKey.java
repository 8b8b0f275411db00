package org.tremplin.lti.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON a Canvas administrator pastes (or points to by URL) when creating an LTI developer key
 * by hand (LTI.md §7): title, description, login, launch and keyset URLs, scopes, and one Canvas
 * extension with the privacy level and two placements. Course navigation opens the tool (resource
 * link launch); assignment selection runs deep linking so a trainer picks what the assignment links
 * to. Every URL derives from the configured base URL. Stateless.
 */
public final class CanvasDeveloperKey {
  /** Canvas sends name and email only with this privacy level. */
  public static final String PRIVACY_LEVEL = "public";

  private CanvasDeveloperKey() {}

  /**
   * The developer-key configuration for this tool, ready to serialise as JSON.
   *
   * @param tool the tool
   * @return the developer-key configuration for this tool, ready to serialise as JSON
   */
  public static Map<String, Object> json(ToolDescription tool) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("text", tool.name());
    settings.put("icon_url", tool.logoUri());
    settings.put(
        "placements",
        List.of(
            placement("course_navigation", ToolDescription.RESOURCE_LINK_REQUEST, tool),
            placement("assignment_selection", ToolDescription.DEEP_LINKING_REQUEST, tool)));
    Map<String, Object> extension = new LinkedHashMap<>();
    extension.put("platform", "canvas.instructure.com");
    extension.put("domain", tool.domain());
    extension.put("tool_id", "tremplin");
    extension.put("privacy_level", PRIVACY_LEVEL);
    extension.put("settings", settings);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("title", tool.name());
    json.put("description", tool.description());
    json.put("oidc_initiation_url", tool.initiateLoginUri());
    json.put("target_link_uri", tool.targetLinkUri());
    json.put("public_jwk_url", tool.jwksUri());
    json.put("scopes", ToolDescription.SCOPES);
    json.put("extensions", List.of(extension));
    json.put("custom_fields", Map.of());
    return json;
  }

  private static Map<String, Object> placement(
      String placement, String messageType, ToolDescription tool) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("placement", placement);
    map.put("message_type", messageType);
    map.put("target_link_uri", tool.targetLinkUri());
    map.put("text", tool.name());
    map.put("icon_url", tool.logoUri());
    return map;
  }
}
