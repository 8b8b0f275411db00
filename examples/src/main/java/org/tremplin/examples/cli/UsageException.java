package org.tremplin.examples.cli;

/**
 * A bad argument found after parsing (an unparseable date, an unknown template...). Its message is
 * already in the user's language and names the bad value; the command line prints it on one line
 * and exits with code 2.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A bad argument, described in the user's language. */
  public UsageException(String message) {
    super(message);
  }
}
