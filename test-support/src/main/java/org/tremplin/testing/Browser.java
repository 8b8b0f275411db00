package org.tremplin.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser for HTTP tests: an HTTP/1.1 client that never follows redirects by itself (the test
 * {@link #follow}s them), a cookie jar (one that keeps nothing after {@link #refusingCookies}) and
 * an {@code Accept-Language} ({@code fr} unless told otherwise). Subclasses add the steps of a
 * protocol (an LTI login and launch). Safe for concurrent requests.
 */
public class Browser {
  private final HttpClient http =
      // HTTP/1.1 like a browser on http://: the JDK client's default h2c upgrade stalls POST
      // bodies.
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Map<String, String> cookies = new ConcurrentHashMap<>();
  private volatile boolean keepsCookies = true;
  private volatile String language = "fr";

  /** A browser with an empty cookie jar, speaking French. */
  public Browser() {}

  /** From now on sends this {@code Accept-Language}. */
  public Browser speaking(String acceptLanguage) {
    language = acceptLanguage;
    return this;
  }

  /** From now on keeps no cookie at all, as a browser blocking third-party cookies. */
  public Browser refusingCookies() {
    keepsCookies = false;
    cookies.clear();
    return this;
  }

  /** Forgets every cookie it was given. */
  public void forgetCookies() {
    cookies.clear();
  }

  /** GETs this URI. */
  public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  /** Posts these values as a form. */
  public HttpResponse<String> post(URI uri, Map<String, String> values)
      throws IOException, InterruptedException {
    return post(uri, Forms.form(values));
  }

  /** Posts this body, as it is, as a form. */
  public HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
    return send(formPost(uri, body));
  }

  /** Posts these values as a form, without waiting for the answer. */
  public CompletableFuture<HttpResponse<String>> postAsync(URI uri, Map<String, String> values) {
    return http.sendAsync(
            withLanguageAndCookies(formPost(uri, Forms.form(values))),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(this::keep);
  }

  /**
   * GETs the response's {@code Location}, as a browser follows a redirect.
   *
   * @throws IllegalArgumentException when the response is no redirect
   */
  public HttpResponse<String> follow(HttpResponse<String> response)
      throws IOException, InterruptedException {
    if (response.statusCode() < 300 || response.statusCode() > 399) {
      throw new IllegalArgumentException(
          "not a redirect: " + response.statusCode() + " " + response.body());
    }
    return get(response.uri().resolve(location(response)));
  }

  /** Sends this request with the browser's language and cookies, and keeps those it is given. */
  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return keep(http.send(withLanguageAndCookies(request), HttpResponse.BodyHandlers.ofString()));
  }

  /** The response's {@code Location} header. */
  public static String location(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new IllegalArgumentException("no Location: " + response.statusCode()));
  }

  private static HttpRequest.Builder formPost(URI uri, String body) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest withLanguageAndCookies(HttpRequest.Builder request) {
    request.header("Accept-Language", language);
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return request.build();
  }

  private HttpResponse<String> keep(HttpResponse<String> response) {
    if (keepsCookies) {
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (header.contains("Max-Age=0")) {
          cookies.remove(pair.substring(0, eq));
        } else {
          cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return response;
  }
}
