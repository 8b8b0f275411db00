package org.tremplin.web.lti;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Base64;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.RegistrationError;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;

/**
 * The pages of {@code /lti/register} (LTI.md §7), in French and English: the refusal (code, what to
 * do, the precise detail, escaped) and the success page, whose only script, allowed by a
 * per-response CSP nonce, tells the platform to close the registration dialog. Stateless.
 */
final class RegisterPages {
  private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RegisterPages() {}

  /** A refused registration: the code's HTTP status, nothing stored. */
  static Response refused(RegistrationError error, String detail) {
    String[] text = text(error);
    LtiPages.Refusal refusal =
        new LtiPages.Refusal(
            LtiPages.layout("Tremplin — " + error.name()),
            "Enregistrement refusé",
            "Registration refused",
            text[0],
            text[1],
            null,
            detail,
            error.name());
    return page(
        error.httpStatus(), Templates.web().render("lti/refusal.jte", refusal), LtiPages.CSP);
  }

  /**
   * The tool is registered (or its registration updated: the platform registered it again under the
   * same client id): say so, then ask the platform to close the dialog.
   */
  static Response registered(PlatformRegistration registration, boolean updated) {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String deployments =
        registration.autoDeployments()
            ? "—"
            : String.join(", ", registration.deploymentIds().stream().sorted().toList());
    Registered page =
        new Registered(
            LtiPages.layout("Tremplin — enregistré / registered"),
            registration.issuer(),
            registration.clientId(),
            deployments,
            updated,
            nonce);
    return page(
        200,
        Templates.web().render("lti/registered.jte", page),
        "default-src 'none'; style-src 'self'; script-src 'nonce-" + nonce + "'; base-uri 'none'");
  }

  /**
   * The registration's success page; its one script, which asks the platform to close the dialog,
   * carries {@code nonce}, the CSP's.
   */
  record Registered(
      Layout layout,
      String issuer,
      String clientId,
      String deployments,
      boolean updated,
      String nonce) {}

  private static String[] text(RegistrationError error) {
    return switch (error) {
      case REGISTRATION_KEY_INVALID ->
          new String[] {
            "Cette installation de Tremplin demande une clé d'enregistrement : collez dans la"
                + " plateforme l'adresse d'enregistrement complète, avec sa clé, fournie par"
                + " l'exploitant de Tremplin.",
            "This Tremplin installation requires a registration key: paste in the platform the"
                + " whole registration address, with its key, given by the Tremplin operator."
          };
      case REGISTRATION_CLOSED ->
          new String[] {
            "L'enregistrement dynamique n'est pas ouvert sur cette installation de Tremplin :"
                + " demandez à son exploitant une adresse d'enregistrement avec clé, ou d'autoriser"
                + " le serveur de votre plateforme.",
            "Dynamic registration is not open on this Tremplin installation: ask its operator for"
                + " a registration address with a key, or to allow your platform's server."
          };
      case HOST_NOT_ALLOWED ->
          new String[] {
            "Le serveur de cette plateforme n'est pas parmi ceux que l'exploitant de Tremplin"
                + " autorise à s'enregistrer.",
            "This platform's server is not among those the Tremplin operator allows to register."
          };
      case OPENID_CONFIGURATION_MISSING ->
          new String[] {
            "Le paramètre openid_configuration manque : lancez l'enregistrement depuis la"
                + " plateforme (enregistrement dynamique), pas en ouvrant cette adresse"
                + " directement.",
            "The openid_configuration parameter is missing: start the registration from the"
                + " platform (dynamic registration), not by opening this address directly."
          };
      case OPENID_CONFIGURATION_MALFORMED ->
          new String[] {
            "Le paramètre openid_configuration n'est pas une adresse http(s) absolue.",
            "The openid_configuration parameter is not an absolute http(s) URL."
          };
      case REGISTRATION_TOKEN_MALFORMED ->
          new String[] {
            "Le paramètre registration_token est trop long ou contient des caractères"
                + " invalides.",
            "The registration_token parameter is too long or contains invalid characters."
          };
      case PLATFORM_UNREACHABLE ->
          new String[] {
            "La configuration de la plateforme n'a pas pu être lue. L'exploitant de Tremplin en"
                + " trouve la raison dans le journal du serveur.",
            "The platform's configuration could not be read. The Tremplin operator finds why in"
                + " the server log."
          };
      case PLATFORM_CONFIGURATION_INVALID ->
          new String[] {
            "La configuration OpenID de la plateforme est incomplète ou illisible.",
            "The platform's OpenID configuration is incomplete or unreadable."
          };
      case HOST_MISMATCH ->
          new String[] {
            "La configuration de la plateforme désigne un autre serveur que le sien : par"
                + " sécurité, Tremplin ne s'y enregistre pas.",
            "The platform's configuration points to another server than its own: for safety,"
                + " Tremplin does not register there."
          };
      case PLATFORM_REFUSED ->
          new String[] {
            "La plateforme a refusé l'enregistrement de l'outil.",
            "The platform refused to register the tool."
          };
      case ALREADY_REGISTERED ->
          new String[] {
            "La configuration de Tremplin définit déjà cette plateforme avec cet identifiant"
                + " client : c'est elle qui compte. Modifiez-la là (ou retirez-la) plutôt que"
                + " d'enregistrer l'outil à nouveau.",
            "Tremplin's configuration already defines this platform with this client id, and the"
                + " configuration wins: change it there (or remove it) rather than registering the"
                + " tool again."
          };
    };
  }

  private static Response page(int status, String html, String csp) {
    return Response.status(status)
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", csp)
        .entity(html)
        .build();
  }
}
