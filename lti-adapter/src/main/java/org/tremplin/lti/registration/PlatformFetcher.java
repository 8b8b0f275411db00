package org.tremplin.lti.registration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP requests of Dynamic Registration, bounded in every way: the URL's host is resolved and
 * refused when any of its addresses is not allowed by the {@link RegistrationPolicy}; one deadline
 * covers the whole exchange (name resolution, connection, headers and body); the body is read up to
 * a size bound and the connection dropped past it; no redirect is followed.
 *
 * <p>Name resolution and connection: the check resolves the host through the JVM's resolver and the
 * HTTP client then connects through the same resolver, whose cache keeps a successful answer
 * ({@code networkaddress.cache.ttl}, 30 s by default). The client therefore connects to an address
 * that was checked, unless that cache is turned off or expires in between (docs/operations.md).
 *
 * <p>Thread-safe.
 */
final class PlatformFetcher {
  /** Why a request failed, for the server log (never shown to the visitor). */
  enum Failure {
    /** The host has an address the policy refuses (loopback, private…). */
    ADDRESS_NOT_ALLOWED,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** Nothing listens, or the connection was refused or reset. */
    CONNECTION_FAILED,
    /** The deadline passed before the whole answer was read. */
    TIMEOUT,
    /** Another input/output error. */
    IO_ERROR
  }

  /** A request that failed, with why. */
  static final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    FetchException(Failure failure, String message) {
      super(message, null, false, false);
      this.failure = failure;
    }

    Failure failure() {
      return failure;
    }
  }

  /** A response read up to the bound: its body is empty when it was larger. */
  record Fetched(int status, byte[] body, boolean tooLarge) {}

  private static final ExecutorService EXECUTOR =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "tremplin-registration-fetch");
            thread.setDaemon(true);
            return thread;
          });

  private final RegistrationPolicy policy;
  private final HttpClient client;
  private final Duration deadline;
  private final int maxBytes;

  PlatformFetcher(
      RegistrationPolicy policy, Duration connectTimeout, Duration deadline, int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the deadline must be positive");
    }
    this.policy = policy;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(EXECUTOR)
            .build();
    this.deadline = deadline;
    this.maxBytes = maxBytes;
  }

  int maxBytes() {
    return maxBytes;
  }

  /**
   * Sends the request built for {@code url} and reads the answer, all within the deadline.
   *
   * @throws FetchException when the address is not allowed, or the exchange fails or times out
   */
  Fetched send(URI url, HttpRequest.Builder request) throws FetchException {
    long end = System.nanoTime() + deadline.toNanos();
    checkAddresses(url, end);
    Bounded body = new Bounded(maxBytes);
    CompletableFuture<HttpResponse<Fetched>> answer;
    try {
      answer =
          client.sendAsync(request.timeout(remaining(end)).build(), info -> body.subscriber(info));
    } catch (IllegalArgumentException e) {
      throw new FetchException(
          Failure.IO_ERROR, "request refused by the client: " + e.getMessage());
    }
    try {
      return answer.get(remaining(end).toNanos(), TimeUnit.NANOSECONDS).body();
    } catch (TimeoutException e) {
      answer.cancel(true);
      body.cancel();
      throw new FetchException(Failure.TIMEOUT, "no complete answer within " + deadline);
    } catch (InterruptedException e) {
      answer.cancel(true);
      body.cancel();
      Thread.currentThread().interrupt();
      throw new FetchException(Failure.IO_ERROR, "interrupted");
    } catch (ExecutionException e) {
      body.cancel();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new FetchException(Failure.TIMEOUT, "no complete answer within " + deadline);
      }
      if (cause instanceof ConnectException) {
        throw new FetchException(Failure.CONNECTION_FAILED, cause.getClass().getSimpleName());
      }
      throw new FetchException(
          cause instanceof IOException ? Failure.CONNECTION_FAILED : Failure.IO_ERROR,
          cause.getClass().getSimpleName());
    }
  }

  /** Resolves the host within the deadline; refuses it if any address is not allowed. */
  private void checkAddresses(URI url, long end) throws FetchException {
    String host = url.getHost();
    if (host == null) {
      throw new FetchException(Failure.UNKNOWN_HOST, "no host");
    }
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    CompletableFuture<InetAddress[]> resolved =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return InetAddress.getAllByName(name);
              } catch (UnknownHostException e) {
                return new InetAddress[0];
              }
            },
            EXECUTOR);
    InetAddress[] addresses;
    try {
      addresses = resolved.get(remaining(end).toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      resolved.cancel(true);
      throw new FetchException(Failure.TIMEOUT, "name resolution took longer than " + deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(Failure.IO_ERROR, "interrupted");
    } catch (ExecutionException e) {
      throw new FetchException(Failure.UNKNOWN_HOST, host);
    }
    if (addresses.length == 0) {
      throw new FetchException(Failure.UNKNOWN_HOST, host);
    }
    for (InetAddress address : addresses) {
      if (!policy.allowsAddress(address)) {
        throw new FetchException(
            Failure.ADDRESS_NOT_ALLOWED, host + " resolves to " + address.getHostAddress());
      }
    }
  }

  private static Duration remaining(long end) {
    return Duration.ofNanos(Math.max(1, end - System.nanoTime()));
  }

  /** Collects a body up to {@code maxBytes}; past it, cancels the subscription (drops the link). */
  private static final class Bounded {
    private final int maxBytes;
    private final AtomicReference<Flow.@Nullable Subscription> subscription =
        new AtomicReference<>();

    Bounded(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    void cancel() {
      Flow.Subscription current = subscription.getAndSet(null);
      if (current != null) {
        current.cancel();
      }
    }

    HttpResponse.BodySubscriber<Fetched> subscriber(HttpResponse.ResponseInfo info) {
      int status = info.statusCode();
      CompletableFuture<Fetched> result = new CompletableFuture<>();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      return new HttpResponse.BodySubscriber<>() {
        @Override
        public CompletionStage<Fetched> getBody() {
          return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
          subscription.set(s);
          s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
          for (ByteBuffer item : items) {
            int room = maxBytes + 1 - bytes.size();
            byte[] chunk = new byte[Math.min(room, item.remaining())];
            item.get(chunk);
            bytes.write(chunk, 0, chunk.length);
            if (bytes.size() > maxBytes) {
              cancel();
              result.complete(new Fetched(status, new byte[0], true));
              return;
            }
          }
          Flow.Subscription current = subscription.get();
          if (current != null) {
            current.request(1);
          }
        }

        @Override
        public void onError(Throwable error) {
          result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
          result.complete(new Fetched(status, bytes.toByteArray(), false));
        }
      };
    }
  }
}
