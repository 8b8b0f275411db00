package org.tremplin.examples.server;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.tremplin.web.RequestSizeLimit;

/**
 * The bounds {@link TremplinServer} puts on Grizzly's listeners: request line and headers (a huge
 * query string or cookie gets a 4xx before it reaches Jersey), header count, form bodies that
 * Grizzly itself would parse; and the refusal of cleartext HTTP/2 upgrades ({@code Upgrade: h2c}).
 * Request bodies are bounded in the JAX-RS layer ({@link RequestSizeLimit}) so that any host gets
 * that bound. Stateless.
 */
final class HttpLimits {
  /** Largest request line plus headers, in bytes. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /** Most request headers accepted. */
  static final int MAX_REQUEST_HEADERS = 100;

  private HttpLimits() {}

  /**
   * Most bytes of a refused body read and discarded after the answer to keep the connection; a
   * longer remainder closes it instead (Grizzly would otherwise drain a huge chunked body).
   */
  static final long MAX_REMAINDER_TO_SKIP = 256 * 1024;

  /** Applies the bounds to every listener of this (not yet started) server. */
  static void apply(HttpServer server) {
    server.getServerConfiguration().setMaxPayloadRemainderToSkip(MAX_REMAINDER_TO_SKIP);
    for (NetworkListener listener : server.getListeners()) {
      listener.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
      listener.setMaxRequestHeaders(MAX_REQUEST_HEADERS);
      listener.setMaxFormPostSize((int) RequestSizeLimit.DEFAULT_MAX_BYTES);
      listener.setMaxBufferedPostSize((int) RequestSizeLimit.DEFAULT_MAX_BYTES);
      listener.registerAddOn(new IgnoreUpgrades());
    }
  }

  /**
   * Grizzly treats a request carrying {@code Upgrade} as switching protocols: it stops framing the
   * body by {@code Content-Length} or chunks, so a form post from a client offering {@code h2c}
   * (the JDK {@code HttpClient}'s default) never ends, and the read times out (30 s, then 500). We
   * speak HTTP/1.1 only and serve no WebSocket: RFC 9110 §7.8 lets a server ignore {@code Upgrade},
   * so this filter, placed right after the HTTP codec, drops the header as soon as it is parsed and
   * the request is framed as an ordinary HTTP/1.1 request.
   */
  private static final class IgnoreUpgrades implements AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
      int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
      builder.add(codec + 1, new UpgradeDropper());
    }
  }

  private static final class UpgradeDropper extends BaseFilter {
    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event)
        throws IOException {
      if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
        HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
        header.setIgnoreContentModifiers(false);
        header.getUpgradeDC().recycle();
        header.getHeaders().removeHeader(Header.Upgrade);
        header.getHeaders().removeHeader("HTTP2-Settings");
      }
      return ctx.getInvokeAction();
    }
  }
}
