package org.tremplin.lti.registration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on loopback, written on raw sockets, that answers as a hostile or broken
 * platform would, by path: {@code /drip} (headers, then one byte per second), {@code /hang}
 * (headers, then nothing), {@code /redirect} (302 to {@code /elsewhere}), {@code /huge} (a 512 MB
 * body, written as fast as it is read), {@code /status512}; anything else is 404. Counts the
 * connections it accepted and the body bytes it managed to write.
 */
final class MisbehavingServer implements AutoCloseable {
  static final long HUGE = 512L * 1024 * 1024;

  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong written = new AtomicLong();
  private final CountDownLatch closed = new CountDownLatch(1);

  MisbehavingServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "misbehaving-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** The request paths received so far. */
  List<String> paths() {
    return List.copyOf(paths);
  }

  /** Body bytes written so far (by {@code /huge} and {@code /drip}). */
  long written() {
    return written.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        sockets.add(socket);
        Thread worker = new Thread(() -> serve(socket), "misbehaving-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      String path = readRequestPath(socket.getInputStream());
      paths.add(path);
      OutputStream out = socket.getOutputStream();
      switch (path) {
        case "/drip" -> {
          head(out, "200 OK", 100_000);
          while (closed.getCount() > 0) {
            out.write('{');
            out.flush();
            written.incrementAndGet();
            if (closed.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
              return;
            }
          }
        }
        case "/hang" -> {
          head(out, "200 OK", 100_000);
          closed.await();
        }
        case "/redirect" -> {
          out.write(
              ("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
        case "/huge" -> {
          head(out, "200 OK", HUGE);
          byte[] block = new byte[64 * 1024];
          java.util.Arrays.fill(block, (byte) ' ');
          for (long sent = 0; sent < HUGE; sent += block.length) {
            out.write(block);
            written.addAndGet(block.length);
          }
        }
        case "/status512" -> {
          head(out, "512 Unknown", 2);
          out.write("{}".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
        default -> {
          head(out, "404 Not Found", 2);
          out.write("{}".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }
    } catch (IOException e) {
      // the client went away: what we test
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void head(OutputStream out, String status, long length) throws IOException {
    out.write(
        ("HTTP/1.1 "
                + status
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads the request head; returns the path of its request line. */
  private static String readRequestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String line = head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
    String[] parts = line.split(" ");
    return parts.length > 1 ? parts[1] : "";
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      server.close();
    } catch (IOException e) {
      // closing
    }
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing
      }
    }
  }
}
