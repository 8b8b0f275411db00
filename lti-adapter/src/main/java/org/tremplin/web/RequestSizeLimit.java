package org.tremplin.web;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds request bodies (an LTI launch form is an id_token of at most 64 KiB plus a state): a
 * declared {@code Content-Length} above the bound is refused at once, and every body, chunked ones
 * included, is read through a counting stream that fails as soon as the bound is passed, so nothing
 * larger is ever buffered. Both answer HTTP 413 {@code REQUEST_TOO_LARGE} through {@link
 * ErrorMapper}. A body that ends before its declared length, or whose reading fails (the client
 * closed or reset the connection mid-body), is the client's fault: HTTP 400 {@code BAD_REQUEST},
 * never an incident. Lives in the JAX-RS layer so any host runtime gets it. Stateless and
 * thread-safe.
 */
@PreMatching
public final class RequestSizeLimit implements ContainerRequestFilter {
  /** Default largest request body: 128 KiB. */
  public static final long DEFAULT_MAX_BYTES = 128 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RequestSizeLimit.class);

  private final long maxBytes;

  /**
   * Refusing bodies larger than {@code maxBytes}.
   *
   * @param maxBytes the largest body accepted, in bytes
   */
  public RequestSizeLimit(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    long declared = -1;
    if (length != null) {
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        declared = Long.MAX_VALUE;
      }
      if (declared > maxBytes) {
        throw tooLarge();
      }
    }
    // A declared empty body, or a GET, HEAD or OPTIONS without Content-Length or Transfer-Encoding
    // (RFC 9112 §6.3), has nothing to bound: asking the runtime would make it wait for a body,
    // e.g. Jersey on a bare Grizzly for a request offering an h2c upgrade, until the read times
    // out.
    boolean bodiless =
        declared == 0
            || (length == null
                && request.getHeaderString("Transfer-Encoding") == null
                && List.of("GET", "HEAD", "OPTIONS").contains(request.getMethod()));
    if (!bodiless && request.hasEntity()) {
      request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes, declared));
    }
  }

  private static TooLarge tooLarge() {
    LOG.info("Request refused: REQUEST_TOO_LARGE");
    return new TooLarge();
  }

  /** HTTP 413: the body passed the bound. */
  static final class TooLarge extends ClientErrorException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("REQUEST_TOO_LARGE", 413);
    }
  }

  /** HTTP 400: the body ended before its declared length, or the client broke off sending it. */
  static final class CutShort extends ClientErrorException {
    private static final long serialVersionUID = 1L;

    CutShort() {
      super("BAD_REQUEST", 400);
    }
  }

  private static CutShort cutShort() {
    LOG.info("Request refused: BAD_REQUEST (request body cut short)");
    return new CutShort();
  }

  /**
   * Counts the bytes read and fails once more than the bound has been read; a failed read or an end
   * before the declared length is a body cut short.
   */
  private static final class Bounded extends FilterInputStream {
    private final long maxBytes;
    private final long declared;
    private long count;

    Bounded(InputStream in, long maxBytes, long declared) {
      super(in);
      this.maxBytes = maxBytes;
      this.declared = declared;
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = super.read();
      } catch (IOException e) {
        throw cutShort();
      }
      if (b >= 0) {
        counted(1);
      } else {
        ended();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = super.read(buffer, offset, (int) Math.min(length, maxBytes - count + 1));
      } catch (IOException e) {
        throw cutShort();
      }
      if (n > 0) {
        counted(n);
      } else if (n < 0) {
        ended();
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped;
      try {
        skipped = super.skip(Math.min(n, maxBytes - count + 1));
      } catch (IOException e) {
        throw cutShort();
      }
      counted(skipped);
      return skipped;
    }

    private void ended() {
      if (declared >= 0 && count < declared) {
        throw cutShort();
      }
    }

    private void counted(long n) {
      count += n;
      if (count > maxBytes) {
        throw tooLarge();
      }
    }
  }
}
