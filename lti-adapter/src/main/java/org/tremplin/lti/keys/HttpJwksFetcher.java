package org.tremplin.lti.keys;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;

/**
 * Fetches a platform keyset with {@link java.net.http.HttpClient}: bounded connect and request
 * timeouts, no redirects followed, only HTTP 200 accepted, response body bounded (a keyset is a few
 * KiB). Thread-safe.
 */
public final class HttpJwksFetcher implements JwksFetcher {
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default time for the whole request. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Default largest keyset accepted, in bytes: 256 KiB. */
  public static final int DEFAULT_MAX_BYTES = 256 * 1024;

  private final HttpClient client;
  private final Duration requestTimeout;
  private final int maxBytes;

  /** With the default timeouts and size bound. */
  public HttpJwksFetcher() {
    this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_BYTES);
  }

  /** With these timeouts and size bound. */
  public HttpJwksFetcher(Duration connectTimeout, Duration requestTimeout, int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = requestTimeout;
    this.maxBytes = maxBytes;
  }

  @Override
  public JWKSet fetch(URI jwksUrl) throws KeysetUnavailableException {
    HttpRequest request =
        HttpRequest.newBuilder(jwksUrl)
            .timeout(requestTimeout)
            .header("Accept", "application/json, application/jwk-set+json")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new KeysetUnavailableException("keyset unreachable: " + jwksUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeysetUnavailableException("interrupted while fetching keyset: " + jwksUrl, e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new KeysetUnavailableException(
            "keyset answered HTTP " + response.statusCode() + ": " + jwksUrl);
      }
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new KeysetUnavailableException(
            "keyset larger than " + maxBytes + " bytes: " + jwksUrl);
      }
      return JWKSet.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KeysetUnavailableException("keyset unreadable: " + jwksUrl, e);
    } catch (ParseException e) {
      throw new KeysetUnavailableException("keyset is not a JWK set: " + jwksUrl, e);
    }
  }
}
