package fr.aiguillage.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** One network in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}; a bare address is one host). */
record Cidr(byte[] network, int prefix) {

  static Cidr parse(String text) {
    String[] parts = text.trim().split("/", 2);
    if (!parts[0].matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("metrics.allowedNetworks: not an IP address: " + text);
    }
    byte[] address = address(parts[0]);
    int prefix = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : address.length * 8;
    if (prefix < 0 || prefix > address.length * 8) {
      throw new IllegalArgumentException("metrics.allowedNetworks: bad prefix length in " + text);
    }
    return new Cidr(address, prefix);
  }

  /** Whether this literal address (as Vert.x reports a peer) lies in the network; anything unparsable does not. */
  boolean contains(String host) {
    byte[] candidate;
    try {
      candidate = host.matches("[0-9A-Fa-f:.]+") ? address(host) : null;
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (candidate == null || candidate.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >> (bit % 8);
      if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** A literal only (checked by the callers' pattern), so no name is ever looked up. */
  private static byte[] address(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }
}
