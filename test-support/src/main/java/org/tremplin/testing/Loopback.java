package org.tremplin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on the loopback interface, for servers a test starts. */
public final class Loopback {
  private Loopback() {}

  /**
   * A port on loopback that was free when asked: bind it soon after. Nothing listens on it until a
   * server does, so it also serves as a port that refuses connections.
   */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    }
  }
}
