package org.tremplin.lti.roster;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one read of a course's memberships gave: every member of every page, and the {@code
 * differences} link the platform offered for the next read. Immutable.
 *
 * @param members the members listed, in the platform's order, each once (the first listing wins)
 * @param complete whether this is the whole roster (a full read) rather than the changes since a
 *     previous read (a {@code differences} read: members not listed did not change)
 * @param differences the {@code rel="differences"} link, when offered
 * @param pages how many pages were read
 */
public record Memberships(
    List<RosterMember> members, boolean complete, @Nullable URI differences, int pages) {
  /** Copies the members. */
  public Memberships {
    members = List.copyOf(members);
  }

  /** The differences link, when offered. */
  public Optional<URI> differencesLink() {
    return Optional.ofNullable(differences);
  }
}
