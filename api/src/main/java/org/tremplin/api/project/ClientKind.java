package org.tremplin.api.project;

/** What kind of organisation a project is made for. */
public enum ClientKind {
  /** An association (loi 1901). */
  ASSOCIATION,
  /** A citizens' collective, not incorporated. */
  COLLECTIVE,
  /** A public body (town hall, social centre, library). */
  PUBLIC_BODY,
  /** A small business of the neighbourhood. */
  SMALL_BUSINESS
}
