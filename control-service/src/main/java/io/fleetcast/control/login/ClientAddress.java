package io.fleetcast.control.login;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is asking, for the per-address login limit. The TCP peer, unless that peer is one of the
 * configured trusted proxies ({@code LOGIN_TRUSTED_PROXIES}): then {@code X-Forwarded-For} is
 * read from the right (the end our own proxy wrote), skipping trusted proxies, and the first
 * address that is not one is the client. Anything left of it was written by the client and is
 * never believed. With no trusted proxies the header is ignored entirely.
 */
public final class ClientAddress {
    private static final HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    private final List<AddressBlock> trustedProxies;

    public ClientAddress(List<AddressBlock> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public InetAddress of(ServerRequest request) {
        return of(request.remotePeer().address(), request.headers());
    }

    InetAddress of(SocketAddress peerAddress, Headers headers) {
        if (!(peerAddress instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            throw new IllegalStateException("the connection has no IP peer address: " + peerAddress);
        }
        InetAddress nearest = socket.getAddress();
        if (!trusted(nearest)) {
            return nearest;
        }
        List<String> hops = forwardedFor(headers);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                // Not an address: stop at the last hop we could vouch for.
                return nearest;
            }
            if (!trusted(hop.get())) {
                return hop.get();
            }
            nearest = hop.get();
        }
        return nearest;
    }

    private boolean trusted(InetAddress address) {
        for (AddressBlock block : trustedProxies) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedFor(Headers headers) {
        List<String> hops = new ArrayList<>();
        if (headers.contains(FORWARDED_FOR)) {
            for (String value : headers.get(FORWARDED_FOR).allValues()) {
                for (String part : value.split(",")) {
                    hops.add(part.trim());
                }
            }
        }
        return hops;
    }
}
