package org.tremplin.lti.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.services.ServiceResponse;
import org.tremplin.lti.services.ServiceScopes;
import org.tremplin.lti.services.ServiceTokens;

/**
 * Reads a course's memberships from the platform (LTI.md §6; NRPS 2.0): {@code Accept:
 * application/vnd.ims.lti-nrps.v2.membershipcontainer+json} exactly (Moodle answers an older format
 * otherwise), whatever content type comes back; follows {@code rel="next"} until absent, in every
 * form of {@code Link} header ({@link LinkHeader}); keeps {@code rel="differences"}. Bounded: at
 * most {@link #MAX_PAGES} pages and {@link #MAX_MEMBERS} members, and a page seen twice ends the
 * read as malformed. Members whose {@code user_id} is missing or unusable are skipped. Thread-safe.
 */
public final class MembershipReader {
  private static final Logger LOG = LoggerFactory.getLogger(MembershipReader.class);

  /** The NRPS 2.0 membership container media type. */
  public static final String MEDIA_TYPE =
      "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

  /** The most pages one read follows. */
  public static final int MAX_PAGES = 2_000;

  /** The most members one read accepts. */
  public static final int MAX_MEMBERS = 50_000;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final ServiceTokens tokens;

  /** Calling with these tokens. */
  public MembershipReader(ServiceTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * Reads every page from {@code url}.
   *
   * @param url the course's {@code context_memberships_url} (a full read), or a {@code differences}
   *     link (the changes since)
   * @param complete whether {@code url} lists the whole roster
   * @throws LtiException {@code LTI_SERVICE_REFUSED} (a 4xx other than 401), {@code
   *     LTI_SERVICE_UNREACHABLE} (5xx, network), {@code LTI_SERVICE_BAD_RESPONSE} (not a membership
   *     container, too many pages or members, a page loop), or a token failure
   */
  public Memberships read(PlatformRegistration registration, URI url, boolean complete) {
    Map<String, RosterMember> members = new LinkedHashMap<>();
    Set<URI> seen = new HashSet<>();
    URI next = url;
    URI differences = null;
    int pages = 0;
    while (next != null) {
      if (!seen.add(next) || ++pages > MAX_PAGES) {
        throw new LtiException(
            LtiErrorCode.LTI_SERVICE_BAD_RESPONSE,
            "the memberships' pages loop or never end (" + pages + " pages): " + url);
      }
      ServiceResponse page =
          tokens.send(
              registration,
              Set.of(ServiceScopes.NRPS_MEMBERSHIPS),
              HttpRequest.newBuilder(next).header("Accept", MEDIA_TYPE).GET());
      check(page);
      for (RosterMember member : members(page)) {
        members.putIfAbsent(member.userId(), member);
      }
      if (members.size() > MAX_MEMBERS) {
        throw new LtiException(
            LtiErrorCode.LTI_SERVICE_BAD_RESPONSE,
            "the course lists more than " + MAX_MEMBERS + " members: " + url);
      }
      Map<String, URI> links = LinkHeader.relations(page.headers("Link"), next);
      if (links.containsKey("differences")) {
        differences = links.get("differences");
      }
      next = links.get("next");
    }
    LOG.debug("NRPS read: {} member(s) in {} page(s)", members.size(), pages);
    return new Memberships(new ArrayList<>(members.values()), complete, differences, pages);
  }

  private static void check(ServiceResponse page) {
    if (page.successful()) {
      return;
    }
    if (page.status() >= 500) {
      throw new LtiException(
          LtiErrorCode.LTI_SERVICE_UNREACHABLE,
          "the memberships service answered HTTP " + page.status() + ": " + page.uri());
    }
    throw new LtiException(
        LtiErrorCode.LTI_SERVICE_REFUSED,
        "the memberships service refused (HTTP " + page.status() + "): " + page.shortBody(200));
  }

  private static List<RosterMember> members(ServiceResponse page) {
    JsonNode root;
    try {
      root = JSON.readTree(page.body());
    } catch (JsonProcessingException e) {
      throw new LtiException(
          LtiErrorCode.LTI_SERVICE_BAD_RESPONSE,
          "the memberships answer is not JSON: " + page.uri(),
          e);
    }
    JsonNode list = root == null ? null : root.get("members");
    if (list == null || !list.isArray()) {
      throw new LtiException(
          LtiErrorCode.LTI_SERVICE_BAD_RESPONSE,
          "the memberships answer has no members list: " + page.uri());
    }
    List<RosterMember> members = new ArrayList<>();
    for (JsonNode m : list) {
      String userId = text(m, "user_id");
      if (userId == null) {
        continue;
      }
      List<String> roles = new ArrayList<>();
      JsonNode r = m.get("roles");
      if (r != null && r.isArray()) {
        r.forEach(
            role -> {
              if (role.isTextual()) {
                roles.add(role.asText());
              }
            });
      }
      try {
        members.add(
            new RosterMember(
                userId,
                roles,
                MemberStatus.of(text(m, "status")),
                text(m, "name"),
                text(m, "given_name"),
                text(m, "family_name"),
                text(m, "email"),
                text(m, "lis_person_sourcedid")));
      } catch (IllegalArgumentException e) {
        LOG.debug("NRPS member skipped: unusable user_id");
      }
    }
    return members;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
