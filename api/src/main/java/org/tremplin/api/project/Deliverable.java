package org.tremplin.api.project;

import java.net.URI;
import java.util.Locale;
import org.tremplin.api.TremplinException;

/** What a delivered project left the client with: a site at a URL, or another artefact. */
public sealed interface Deliverable {
  /**
   * A site or tool online.
   *
   * @param url an absolute http or https URL
   */
  record Url(URI url) implements Deliverable {
    /**
     * An absolute http(s) URL of at most 2000 characters.
     *
     * @param url the url
     */
    public Url {
      TremplinException.required(url, "delivered URL");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      TremplinException.check(
          url.isAbsolute()
              && (scheme.equals("http") || scheme.equals("https"))
              && url.getHost() != null,
          "delivered URL must be an absolute http or https URL");
      TremplinException.check(
          url.toString().length() <= 2000, "delivered URL is longer than 2000 characters");
    }
  }

  /**
   * Something that is not online (a printed guide, a database handed over).
   *
   * @param description what was handed over, 1 to 2000 characters
   */
  record Artefact(String description) implements Deliverable {
    /**
     * The description is required and stripped.
     *
     * @param description the description
     */
    public Artefact {
      description = TremplinException.requiredText(description, "artefact description").strip();
      TremplinException.check(
          description.length() <= 2000, "artefact description is longer than 2000 characters");
    }
  }
}
