package org.tremplin.examples.server;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.jspecify.annotations.Nullable;
import org.tremplin.web.ErrorMapper;
import org.tremplin.web.RequestSizeLimit;

/**
 * The bounds {@link TremplinServer} puts on Grizzly's listeners: request line and headers (a huge
 * query string or cookie gets a 4xx before it reaches Jersey), header count, form bodies that
 * Grizzly itself would parse; the refusal of cleartext HTTP/2 upgrades ({@code Upgrade: h2c}); the
 * refusal, with the connection closed, of a request framed both by {@code Content-Length} and by
 * {@code Transfer-Encoding} (RFC 9112 §6.3: a smuggling attempt); and, for every request Grizzly
 * refuses itself, the same short HTML page or problem details as every other error ({@link
 * ErrorMapper#beforeRouting}) instead of an empty body. Request bodies are bounded in the JAX-RS
 * layer ({@link RequestSizeLimit}) so that any host gets that bound. Stateless.
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
      listener.registerAddOn(new Edge());
    }
  }

  /**
   * Puts {@link EdgeCodec} in place of Grizzly's HTTP codec (configured as {@code HttpServer}
   * configures its own from the listener), then {@link UpgradeDropper} right after it.
   */
  private static final class Edge implements AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
      int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
      var original = (org.glassfish.grizzly.http.HttpServerFilter) builder.get(codec);
      EdgeCodec replacement =
          new EdgeCodec(
              listener.isChunkingEnabled(),
              listener.getMaxHttpHeaderSize() == -1
                  ? org.glassfish.grizzly.http.HttpCodecFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                  : listener.getMaxHttpHeaderSize(),
              listener.getKeepAlive(),
              listener.getMaxRequestHeaders(),
              listener.getMaxResponseHeaders());
      for (var encoding : original.getContentEncodings()) {
        replacement.addContentEncoding(encoding);
      }
      replacement.setAllowPayloadForUndefinedHttpMethods(
          original.isAllowPayloadForUndefinedHttpMethods());
      replacement.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
      replacement.setRemoveHandledContentEncodingHeaders(
          original.isRemoveHandledContentEncodingHeaders());
      replacement.setPreserveHeaderCase(original.isPreserveHeaderCase());
      replacement.getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
      builder.set(codec, replacement);
      builder.add(codec + 1, new UpgradeDropper());
    }
  }

  /**
   * Grizzly's HTTP codec, with two changes: a request carrying both {@code Content-Length} and
   * {@code Transfer-Encoding} is refused (400) and its connection closed, so that nothing after it
   * on the connection is read as another request; and the error replies the codec writes itself
   * (400 for a request line or headers too long or too many, no {@code Host}, a bad {@code
   * Content-Length}...) carry {@link ErrorMapper#beforeRouting}'s page or problem details.
   */
  static final class EdgeCodec extends org.glassfish.grizzly.http.HttpServerFilter {
    EdgeCodec(
        boolean chunking,
        int maxHeaderSize,
        org.glassfish.grizzly.http.KeepAlive keepAlive,
        int maxRequestHeaders,
        int maxResponseHeaders) {
      super(chunking, maxHeaderSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
    }

    @Override
    protected void onHttpHeadersParsed(
        HttpHeader header, MimeHeaders headers, FilterChainContext ctx) {
      super.onHttpHeadersParsed(header, headers, ctx);
      // The parser drops a Content-Length it read before "Transfer-Encoding: chunked" from the
      // headers (and ignores one after it), but counts it in its parsing state.
      boolean contentLength =
          headers.getHeader(Header.ContentLength) != null
              || (header instanceof HttpPacketParsing parsing
                  && parsing.getHeaderParsingState().contentLengthHeadersCount > 0);
      if (contentLength && headers.getHeader(Header.TransferEncoding) != null) {
        // RFC 9112 §6.3: "ought to be handled as an error"; the codec answers 400 and closes.
        header.getProcessingState().setError(true);
      }
    }

    @Override
    protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext ctx) {
      boolean ambiguous = header.getProcessingState().isError();
      return super.onHttpHeaderParsed(header, buffer, ctx) || ambiguous;
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
      HttpRequestPacket request = response.getRequest();
      Response reply =
          ErrorMapper.beforeRouting(
              response.getStatus(),
              request == null ? "" : valueOr(request.getRequestURI()),
              request == null ? "" : valueOr(request.getHeader(Header.Accept)),
              request == null ? "" : valueOr(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
      byte[] body = String.valueOf(reply.getEntity()).getBytes(StandardCharsets.UTF_8);
      reply
          .getStringHeaders()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                  values.forEach(value -> response.addHeader(name, value));
                }
              });
      // In the headers themselves: the codec skips its content-type holder for a request whose
      // request line it could not read.
      response
          .getHeaders()
          .setValue(Header.ContentType)
          .setString(String.valueOf(reply.getMediaType()));
      // The codec closes the connection after an error reply; say so.
      response.setHeader(Header.Connection, "close");
      response.setContentLength(body.length);
      return HttpContent.builder(response)
          .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
          .last(true)
          .build();
    }

    private static String valueOr(@Nullable String value) {
      return value == null ? "" : value;
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
