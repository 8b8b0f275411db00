package org.tremplin.web.deeplinking;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.access.Role;
import org.tremplin.lti.deeplinking.DeepLinkingError;
import org.tremplin.lti.deeplinking.ItemRef;
import org.tremplin.lti.deeplinking.OfferedItem;
import org.tremplin.lti.deeplinking.PendingDeepLinking;
import org.tremplin.lti.deeplinking.ProgrammeItems;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;
import org.tremplin.web.session.SessionCookie;

/**
 * The deep linking pages, rendered from {@code src/main/jte/deeplinking} (every value escaped by
 * jte), French or English, never cached, {@code Referrer-Policy: no-referrer}. The picker and the
 * item page run no script; the return page runs only {@code /lti/autopost.js} ({@code script-src
 * 'self'}) and may post only to the platform's return URL ({@code form-action}). Stateless.
 */
final class DeepLinkingPages {
  private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

  /** No script; the stylesheet, and forms only to ourselves. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'";

  /** The order of the picker's groups. */
  private static final List<ItemRef.Kind> KINDS =
      List.of(
          ItemRef.Kind.COMPETENCY, ItemRef.Kind.ASSESSMENT, ItemRef.Kind.PHASE, ItemRef.Kind.UNIT);

  /** The order role lines appear in on the item page. */
  private static final List<Role> ROLES =
      List.of(Role.LEARNER, Role.TRAINER, Role.COACH, Role.MANAGER, Role.ADMIN);

  private DeepLinkingPages() {}

  /**
   * The picker: the programme's items grouped by kind, checkboxes when the platform accepts several
   * items, else radios; {@code root} leads from the page's address back to the tool's root.
   */
  static Response picker(
      String root,
      PendingDeepLinking pending,
      String cohortName,
      ProgrammeItems programme,
      String sessionToken,
      String csrf,
      String requestToken,
      Set<String> chosen,
      @Nullable DeepLinkingError error,
      int status) {
    DeepLinkingText t = DeepLinkingText.of(pending.locale());
    Locale locale = t.locale();
    boolean accepts = pending.settings().acceptsOurItems();
    List<Group> groups = new ArrayList<>();
    if (accepts) {
      for (ItemRef.Kind kind : KINDS) {
        List<Option> options = new ArrayList<>();
        for (OfferedItem item : programme.ofKind(kind)) {
          String value = item.ref().toString();
          options.add(
              new Option(
                  "item-" + kind.id() + "-" + options.size(),
                  value,
                  item.title().in(locale),
                  item.context().in(locale),
                  item.graded(),
                  chosen.contains(value)));
        }
        if (!options.isEmpty()) {
          groups.add(new Group("kind-" + kind.id(), t.get("dl.kind." + kind.name()), options));
        }
      }
    }
    return page(
        status,
        "deeplinking/picker.jte",
        CSP,
        new Picker(
            Layout.of(locale, t.get("dl.picker.title"), "", root),
            root,
            t,
            error == null ? null : t.get("dl.error." + error.name()),
            t.get("dl.picker.intro", cohortName),
            accepts,
            pending.settings().acceptMultiple(),
            pending.settings().acceptLineItem(),
            groups,
            SessionCookie.PARAMETER,
            sessionToken,
            csrf,
            requestToken));
  }

  /**
   * The page that posts the signed response to the platform: a form with the one field {@code JWT},
   * submitted by {@code /lti/autopost.js}, with a visible button.
   */
  static Response autoPost(
      String root, Locale locale, URI returnUrl, String jwt, boolean cancelled) {
    DeepLinkingText t = DeepLinkingText.of(locale);
    String csp =
        "default-src 'none'; style-src 'self'; script-src 'self'; form-action "
            + origin(returnUrl)
            + "; base-uri 'none'";
    return page(
        200,
        "deeplinking/return.jte",
        csp,
        new Return(
            Layout.of(t.locale(), t.get("dl.return.title"), "", root),
            root + AutoPostScriptResource.HREF,
            t,
            t.get(cancelled ? "dl.return.cancelled" : "dl.return.text"),
            returnUrl.toString(),
            jwt));
  }

  /** 410: the request was answered already, expired, or is another user's. */
  static Response expired(String root, Locale locale) {
    DeepLinkingText t = DeepLinkingText.of(locale);
    return page(
        410,
        "deeplinking/expired.jte",
        CSP,
        new Expired(Layout.of(t.locale(), t.get("dl.expired.title"), "", root), t));
  }

  /**
   * The page of a deep-linked activity: the item, whether it is graded, a line per role of the
   * session, and the way to the home page.
   */
  static Response item(
      Locale locale,
      String schoolName,
      ItemRef ref,
      @Nullable OfferedItem item,
      Set<Role> roles,
      String homeHref) {
    DeepLinkingText t = DeepLinkingText.of(locale);
    List<String> lines =
        ROLES.stream().filter(roles::contains).map(r -> t.get("item.role." + r.name())).toList();
    return page(
        200,
        "deeplinking/item.jte",
        CSP,
        new Item(
            Layout.of(t.locale(), t.get("item.title"), schoolName, "../"),
            t,
            ref.toString(),
            t.get("item.kind." + ref.kind().name()),
            item == null ? null : item.title().in(t.locale()),
            item == null ? null : item.context().in(t.locale()),
            item != null && item.graded(),
            item == null ? t.get("item.unknown", ref.toString()) : null,
            lines,
            homeHref));
  }

  /** {@code scheme://host[:port]} of a URL, as a CSP source. */
  static String origin(URI url) {
    return url.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + url.getHost().toLowerCase(Locale.ROOT)
        + (url.getPort() == -1 ? "" : ":" + url.getPort());
  }

  private static Response page(int status, String template, String csp, Object model) {
    return Response.status(status)
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", csp)
        .entity(Templates.web().render(template, model))
        .build();
  }

  /** One choice of the picker. */
  record Option(
      String id, String value, String label, String context, boolean graded, boolean checked) {}

  /** The choices of one kind. */
  record Group(String id, String legend, List<Option> options) {}

  /** The picker; {@code error} is null when there is none. */
  record Picker(
      Layout layout,
      String root,
      DeepLinkingText t,
      @Nullable String error,
      String intro,
      boolean accepts,
      boolean multiple,
      boolean lineItems,
      List<Group> groups,
      String tokenParameter,
      String token,
      String csrf,
      String request) {}

  /** The page posting the response. */
  record Return(
      Layout layout, String script, DeepLinkingText t, String text, String action, String jwt) {}

  /** The expired request page. */
  record Expired(Layout layout, DeepLinkingText t) {}

  /** The item page; {@code title} and {@code context} are null for an item not in the programme. */
  record Item(
      Layout layout,
      DeepLinkingText t,
      String ref,
      String kind,
      @Nullable String title,
      @Nullable String context,
      boolean graded,
      @Nullable String unknown,
      List<String> roleLines,
      String homeHref) {}
}
