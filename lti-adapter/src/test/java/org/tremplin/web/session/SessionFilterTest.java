package org.tremplin.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which token a request presents (the CSRF rule of {@link SessionFilter}). */
class SessionFilterTest {
  private static final String TOKEN = "t".repeat(43);

  @Test
  void aGetTakesTheQueryTokenBeforeTheCookie() {
    assertThat(SessionFilter.tokenOf("GET", TOKEN, null, "cookie")).contains(TOKEN);
  }

  @Test
  void aGetWithoutQueryTokenTakesTheCookie() {
    assertThat(SessionFilter.tokenOf("GET", null, null, TOKEN)).contains(TOKEN);
    assertThat(SessionFilter.tokenOf("GET", "", null, TOKEN)).contains(TOKEN);
    assertThat(SessionFilter.tokenOf("HEAD", null, null, TOKEN)).contains(TOKEN);
  }

  @Test
  void aPostCarryingOnlyTheCookiePresentsNoToken() {
    assertThat(SessionFilter.tokenOf("POST", null, null, TOKEN)).isEmpty();
    assertThat(SessionFilter.tokenOf("POST", null, "", TOKEN)).isEmpty();
    assertThat(SessionFilter.tokenOf("PUT", null, null, TOKEN)).isEmpty();
    assertThat(SessionFilter.tokenOf("DELETE", null, null, TOKEN)).isEmpty();
  }

  @Test
  void aPostPresentsTheTokenOfItsFormOrOfItsQuery() {
    assertThat(SessionFilter.tokenOf("POST", null, TOKEN, "cookie")).contains(TOKEN);
    assertThat(SessionFilter.tokenOf("POST", TOKEN, null, null)).contains(TOKEN);
  }

  @Test
  void aValueTooLongToBeATokenPresentsNoneAndTheCookieIsNotTriedInstead() {
    String tooLong = "x".repeat(SessionFilter.MAX_TOKEN_LENGTH + 1);

    assertThat(SessionFilter.tokenOf("GET", tooLong, null, TOKEN)).isEmpty();
    assertThat(SessionFilter.tokenOf("GET", null, null, tooLong)).isEmpty();
  }

  @Test
  void noTokenAnywhereIsNoToken() {
    assertThat(SessionFilter.tokenOf("GET", null, null, null)).isEmpty();
  }
}
