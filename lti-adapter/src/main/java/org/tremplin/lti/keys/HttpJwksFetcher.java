package org.tremplin.lti.keys;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a platform keyset with {@link java.net.http.HttpClient}: bounded connect time and one
 * deadline for the whole exchange, headers and body (5 s each by default, so a hanging platform
 * holds its own launches no longer), no redirects followed, only HTTP 200 accepted, response body
 * bounded (a keyset is a few KiB). Thread-safe.
 */
public final class HttpJwksFetcher implements JwksFetcher {
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Default time for the whole request: a hanging keyset holds its platform's launches no longer.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** Default largest keyset accepted, in bytes: 256 KiB. */
  public static final int DEFAULT_MAX_BYTES = 256 * 1024;

  private final HttpClient client;
  private final Duration requestTimeout;
  private final int maxBytes;

  /** With the default timeouts and size bound. */
  public HttpJwksFetcher() {
    this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_BYTES);
  }

  /**
   * With these timeouts and size bound.
   *
   * @param connectTimeout the connect timeout
   * @param requestTimeout the request timeout
   * @param maxBytes the max bytes
   */
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
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(
            request,
            info ->
                info.statusCode() == 200
                    ? new BoundedBody(maxBytes)
                    : HttpResponse.BodySubscribers.replacing(new byte[0]));
    HttpResponse<byte[]> response;
    try {
      // One deadline for headers and body: a keyset that trickles its body is cut too.
      response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new KeysetUnavailableException("keyset did not answer in time: " + jwksUrl, e);
    } catch (ExecutionException e) {
      throw new KeysetUnavailableException("keyset unreachable or too large: " + jwksUrl, e);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new KeysetUnavailableException("interrupted while fetching keyset: " + jwksUrl, e);
    }
    if (response.statusCode() != 200) {
      throw new KeysetUnavailableException(
          "keyset answered HTTP " + response.statusCode() + ": " + jwksUrl);
    }
    try {
      return JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw new KeysetUnavailableException("keyset is not a JWK set: " + jwksUrl, e);
    }
  }

  /** Collects the body, failing (and cancelling the download) past {@code maxBytes}. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    BoundedBody(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > maxBytes) {
          if (subscription != null) {
            subscription.cancel();
          }
          result.completeExceptionally(
              new IOException("keyset larger than " + maxBytes + " bytes"));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
