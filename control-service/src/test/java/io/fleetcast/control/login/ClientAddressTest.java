package io.fleetcast.control.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The client address behind the per-address login limit, and when X-Forwarded-For is believed. */
class ClientAddressTest {
    private static final List<AddressBlock> PROXIES = List.of(AddressBlock.parse("10.0.0.0/8"),
            AddressBlock.parse("fd00::/8"));

    private record Row(String peer, String forwardedFor, String expected, String why) {
    }

    @TestFactory
    Stream<DynamicTest> believesForwardedForOnlyFromTrustedProxies() {
        return Stream.of(
                new Row("198.51.100.7", "203.0.113.9", "198.51.100.7", "peer is no proxy: header ignored"),
                new Row("10.1.2.3", null, "10.1.2.3", "proxy without a header: the proxy"),
                new Row("10.1.2.3", "203.0.113.9", "203.0.113.9", "proxy says who it serves"),
                new Row("10.1.2.3", "1.2.3.4, 203.0.113.9", "203.0.113.9", "client-written hops are not believed"),
                new Row("10.1.2.3", "1.2.3.4, 203.0.113.9, 10.9.9.9", "203.0.113.9", "trusted hops are skipped"),
                new Row("10.1.2.3", "10.7.7.7, 10.8.8.8", "10.7.7.7", "all trusted: the farthest"),
                new Row("10.1.2.3", "evil.example.com", "10.1.2.3", "a name is not an address (no DNS)"),
                new Row("10.1.2.3", "1.2.3.4, 999.1.1.1", "10.1.2.3", "a bad hop stops the walk"),
                new Row("10.1.2.3", "[2001:db8::1]", "2001:db8:0:0:0:0:0:1", "bracketed IPv6"),
                new Row("fd00::5", "2001:db8::2", "2001:db8:0:0:0:0:0:2", "IPv6 proxy"))
                .map(row -> DynamicTest.dynamicTest(row.why(), () -> {
                    WritableHeaders<?> headers = WritableHeaders.create();
                    if (row.forwardedFor() != null) {
                        headers.set(HeaderNames.create("X-Forwarded-For"), row.forwardedFor());
                    }
                    InetAddress found = new ClientAddress(PROXIES)
                            .of(new InetSocketAddress(InetAddress.getByName(row.peer()), 40000), headers);
                    assertThat(found.getHostAddress()).isEqualTo(row.expected());
                }));
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() throws Exception {
        WritableHeaders<?> headers = WritableHeaders.create();
        headers.set(HeaderNames.create("X-Forwarded-For"), "203.0.113.9");
        InetAddress found = new ClientAddress(List.of())
                .of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000), headers);
        assertThat(found.getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void countsIpv6ByItsSlash64AndIpv4ByItself() throws Exception {
        assertThat(IpLiteral.limitKey(InetAddress.getByName("2001:db8:1:2:aaaa::1")))
                .isEqualTo(IpLiteral.limitKey(InetAddress.getByName("2001:db8:1:2:bbbb::9")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(IpLiteral.limitKey(InetAddress.getByName("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3::/64");
        assertThat(IpLiteral.limitKey(InetAddress.getByName("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void refusesTrustedProxyEntriesThatAreNotAddresses() {
        for (String bad : Arrays.asList("proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129")) {
            assertThatThrownBy(() -> AddressBlock.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOGIN_TRUSTED_PROXIES");
        }
    }
}
