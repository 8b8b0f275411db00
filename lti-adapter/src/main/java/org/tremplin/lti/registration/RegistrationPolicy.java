package org.tremplin.lti.registration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may use Dynamic Registration and what the tool may fetch for it (LTI.md §7,
 * docs/operations.md). Safe by default: with {@link #closed()} nothing registers until the operator
 * sets a registration key or the allowed platform hosts (or opens registration on purpose), and the
 * tool never fetches from a loopback, link-local, private, multicast or unspecified address. An
 * operator loosens each rule on purpose: {@code open}, {@code allowPrivateAddresses}.
 *
 * @param key {@code tremplin.lti.registration-key}: when present, only registration URLs carrying
 *     {@code key=<it>} are served; never shown by {@code toString}
 * @param allowedHosts {@code tremplin.lti.registration.allowed-hosts}: when not empty, the {@code
 *     openid_configuration} URL's host must be one of these; {@code *.example.org} matches any
 *     sub-domain of {@code example.org} (not {@code example.org} itself); lower case
 * @param open {@code tremplin.lti.registration.open}: registration served without a key nor an
 *     allow-list (any public host may register)
 * @param allowPrivateAddresses {@code tremplin.lti.registration.allow-private-addresses}: the tool
 *     may fetch from loopback, link-local and private addresses (a platform on the internal
 *     network, tests)
 */
public record RegistrationPolicy(
    Optional<String> key, List<String> allowedHosts, boolean open, boolean allowPrivateAddresses) {
  private static final Pattern HOST_PATTERN =
      Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
  private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f:.]+\\]");

  /**
   * Checks the host patterns and lowers their case.
   *
   * @param key the key
   * @param allowedHosts the allowed hosts
   * @param open the open
   * @param allowPrivateAddresses the allow private addresses
   */
  public RegistrationPolicy {
    Objects.requireNonNull(key, "key");
    allowedHosts =
        allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    for (String host : allowedHosts) {
      if (!HOST_PATTERN.matcher(host).matches() && !IPV6_LITERAL.matcher(host).matches()) {
        throw new IllegalArgumentException(
            "not a host name nor *.domain: '"
                + host
                + "' (e.g. moodle.example.org, *.example.org)");
      }
    }
    if (key.isPresent() && key.get().isBlank()) {
      throw new IllegalArgumentException("the registration key is blank");
    }
  }

  /**
   * The default: no registration until the operator sets a key or the allowed hosts.
   *
   * @return the default: no registration until the operator sets a key or the allowed hosts
   */
  public static RegistrationPolicy closed() {
    return new RegistrationPolicy(Optional.empty(), List.of(), false, false);
  }

  /**
   * Whether any registration can be served: a key, an allow-list, or opened on purpose.
   *
   * @return whether any registration can be served: a key, an allow-list, or opened on purpose
   */
  public boolean enabled() {
    return key.isPresent() || !allowedHosts.isEmpty() || open;
  }

  /**
   * Whether the {@code openid_configuration} URL's host passes the allow-list (if any).
   *
   * @param host the host
   * @return whether the {@code openid_configuration} URL's host passes the allow-list (if any)
   */
  public boolean allowsHost(String host) {
    if (allowedHosts.isEmpty()) {
      return true;
    }
    String name = host.toLowerCase(Locale.ROOT);
    for (String allowed : allowedHosts) {
      if (allowed.startsWith("*.")
          ? name.endsWith(allowed.substring(1)) && name.length() > allowed.length() - 1
          : name.equals(allowed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the tool may connect to this address (see the class comment).
   *
   * @param address the address
   * @return whether the tool may connect to this address (see the class comment)
   */
  public boolean allowsAddress(InetAddress address) {
    return allowPrivateAddresses || isPublic(address);
  }

  /**
   * Whether an address is on the public internet: not loopback, link-local (169.254/16, fe80::/10),
   * private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), shared (100.64/10), {@code 0/8},
   * multicast, broadcast, nor an IPv6 address embedding one of those (IPv4-compatible, NAT64 {@code
   * 64:ff9b::/96}).
   */
  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0
          && first != 127
          && !(first == 100 && second >= 64 && second < 128)
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
          && first < 240;
    }
    if (address instanceof Inet6Address v6) {
      if ((b[0] & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local
      }
      boolean nat64 =
          b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4);
      if (v6.isIPv4CompatibleAddress() || nat64) {
        try {
          return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (java.net.UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean zero(byte[] bytes, int from) {
    for (int i = from; i < 12; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "RegistrationPolicy[key="
        + (key.isPresent() ? "***" : "none")
        + ", allowedHosts="
        + allowedHosts
        + ", open="
        + open
        + ", allowPrivateAddresses="
        + allowPrivateAddresses
        + "]";
  }
}
