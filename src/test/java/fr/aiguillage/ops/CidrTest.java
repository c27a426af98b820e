package fr.aiguillage.ops;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The networks allowed to scrape {@code /metrics}. */
class CidrTest {

  @Test
  @DisplayName("an IPv4 network holds the addresses under its prefix and no other")
  void ipv4() {
    Cidr lan = Cidr.parse("192.168.10.0/23");
    assertThat(lan.contains("192.168.11.254")).isTrue();
    assertThat(lan.contains("192.168.12.1")).isFalse();
    assertThat(lan.contains("::1")).isFalse();
  }

  @Test
  @DisplayName("a bare address is one host; an IPv6 prefix works the same way")
  void hostsAndIpv6() {
    assertThat(Cidr.parse("10.1.2.3").contains("10.1.2.3")).isTrue();
    assertThat(Cidr.parse("10.1.2.3").contains("10.1.2.4")).isFalse();
    assertThat(Cidr.parse("fd00::/8").contains("fd12:3456::1")).isTrue();
    assertThat(Cidr.parse("fd00::/8").contains("fe80::1")).isFalse();
  }

  @Test
  @DisplayName("a host name or a prefix too long is refused at start, never looked up")
  void refused() {
    assertThatThrownBy(() -> Cidr.parse("metrics.example")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Cidr.parse("0.0.0.0/0").contains("not-an-address")).isFalse();
  }
}
