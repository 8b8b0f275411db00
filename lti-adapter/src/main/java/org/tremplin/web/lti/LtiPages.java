package org.tremplin.web.lti;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.launch.LaunchError;
import org.tremplin.lti.login.LoginError;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;

/**
 * The HTML pages of the LTI endpoints: refusals (code, French and English explanation, the HTTP
 * status of the code), from {@code src/main/jte/lti/refusal.jte}. Every dynamic value is escaped.
 * Pages are never cached and carry no stack trace. Stateless.
 */
final class LtiPages {
  /** Longest platform-supplied {@code error_description} shown. */
  static final int MAX_DESCRIPTION = 200;

  private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

  /** No script; our stylesheet only. */
  static final String CSP = "default-src 'none'; style-src 'self'; base-uri 'none'";

  /** French and English explanation of each launch step's failure (LTI.md §2). */
  private static final Map<Integer, String[]> LAUNCH_STEPS =
      Map.ofEntries(
          Map.entry(
              0,
              new String[] {
                "La plateforme a signalé une erreur au lieu de lancer l'activité.",
                "The platform reported an error instead of launching the activity."
              }),
          Map.entry(
              1,
              new String[] {
                "Votre connexion n'a pas pu être vérifiée (session expirée, déjà utilisée, ou"
                    + " cookies bloqués par le navigateur). Relancez l'activité depuis la"
                    + " plateforme.",
                "Your sign-in could not be verified (expired, already used, or cookies blocked by"
                    + " the browser). Launch the activity again from the platform."
              }),
          Map.entry(
              2,
              new String[] {
                "Le jeton envoyé par la plateforme est absent ou mal formé.",
                "The token sent by the platform is missing or malformed."
              }),
          Map.entry(
              3,
              new String[] {
                "Le jeton utilise un algorithme de signature refusé.",
                "The token uses a signature algorithm that is not accepted."
              }),
          Map.entry(
              4,
              new String[] {
                "Le jeton ne vient pas de la plateforme attendue.",
                "The token does not come from the expected platform."
              }),
          Map.entry(
              5,
              new String[] {
                "Le jeton n'est pas destiné à cet outil.", "The token is not meant for this tool."
              }),
          Map.entry(
              6,
              new String[] {
                "La signature du jeton n'a pas pu être vérifiée.",
                "The token's signature could not be verified."
              }),
          Map.entry(
              7,
              new String[] {
                "Le jeton a expiré ou n'est pas encore valide (vérifiez l'horloge).",
                "The token has expired or is not yet valid (check the clocks)."
              }),
          Map.entry(
              8,
              new String[] {
                "Ce lancement a déjà été utilisé ou ne correspond pas à la connexion.",
                "This launch was already used or does not match the sign-in."
              }),
          Map.entry(
              9,
              new String[] {
                "Ce type de message LTI n'est pas pris en charge.",
                "This LTI message type is not supported."
              }),
          Map.entry(
              10,
              new String[] {
                "Ce déploiement de l'outil n'est pas reconnu.",
                "This deployment of the tool is not recognised."
              }),
          Map.entry(
              11,
              new String[] {
                "Le lien de ressource du lancement est incomplet ou invalide.",
                "The launch's resource link is incomplete or invalid."
              }),
          Map.entry(
              12,
              new String[] {
                "L'utilisateur n'est pas identifié par la plateforme.",
                "The user is not identified by the platform."
              }));

  /** Our failure (or the platform's), not the token's: said plainly, with what to do. */
  private static final String[] KEYSET_UNAVAILABLE = {
    "Les clés de signature de cette plateforme sont injoignables pour le moment : le lancement ne"
        + " peut pas être vérifié. Réessayez dans quelques minutes ; si le problème persiste,"
        + " prévenez l'administrateur de Tremplin.",
    "This platform's signing keys cannot be reached right now, so the launch cannot be verified."
        + " Try again in a few minutes; if the problem persists, tell the Tremplin administrator."
  };

  private LtiPages() {}

  /** A refused login: HTTP 400 page with the code. */
  static Response loginRefused(LoginError error) {
    String[] text =
        switch (error) {
          case REGISTRATION_UNKNOWN ->
              new String[] {
                "Cette plateforme n'est pas enregistrée auprès de Tremplin.",
                "This platform is not registered with Tremplin."
              };
          case TARGET_LINK_URI_NOT_OURS ->
              new String[] {
                "L'adresse de lancement demandée n'appartient pas à Tremplin.",
                "The requested launch address does not belong to Tremplin."
              };
          default ->
              new String[] {
                "La demande de connexion LTI est incomplète ou mal formée.",
                "The LTI sign-in request is incomplete or malformed."
              };
        };
    return page(error.httpStatus(), refusal(error.name(), text[0], text[1], null));
  }

  /** A refused launch: the code's HTTP status, page with the code. */
  static Response launchRefused(LaunchError error, @Nullable String platformDescription) {
    String[] text =
        error == LaunchError.KEYSET_UNAVAILABLE
            ? KEYSET_UNAVAILABLE
            : LAUNCH_STEPS.get(error.step());
    String detail = null;
    if (error == LaunchError.PLATFORM_ERROR && platformDescription != null) {
      detail =
          platformDescription.length() > MAX_DESCRIPTION
              ? platformDescription.substring(0, MAX_DESCRIPTION) + "…"
              : platformDescription;
    }
    return page(error.httpStatus(), refusal(error.name(), text[0], text[1], detail));
  }

  private static Refusal refusal(String code, String french, String english, @Nullable String d) {
    return new Refusal(
        layout("Tremplin — " + code),
        "Accès refusé",
        "Access denied",
        french,
        english,
        d,
        null,
        code);
  }

  /** A page under {@code /lti/}, French first, no school known. */
  static Layout layout(String title) {
    return Layout.of(Locale.FRENCH, title, "", "../");
  }

  private static Response page(int status, Refusal refusal) {
    return Response.status(status)
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", CSP)
        .entity(Templates.web().render("lti/refusal.jte", refusal))
        .build();
  }

  /**
   * A refusal in French and English: its heading in both languages, the explanation in both, the
   * platform's words ({@code quote}) or our precise detail ({@code detail}) when there are, the
   * code.
   */
  record Refusal(
      Layout layout,
      String titleFr,
      String titleEn,
      String french,
      String english,
      @Nullable String quote,
      @Nullable String detail,
      String code) {}
}
