package io.fleetcast.control.login;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses IP address literals and never anything else: a header value is not a host name, and
 * {@link InetAddress#getByName} on a non-literal would send it to DNS.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    static Optional<InetAddress> parse(String text) {
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 45) {
            return Optional.empty();
        }
        return value.indexOf(':') >= 0 ? ipv6(value) : ipv4(value);
    }

    private static Optional<InetAddress> ipv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) octet;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv6(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return Optional.empty();
            }
        }
        try {
            // In brackets the JDK expects an IPv6 literal and fails rather than looking it up.
            return Optional.of(InetAddress.getByName("[" + value + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * What an address is counted under: an IPv4 address itself, an IPv6 address by its /64
     * (one subscriber's share: anyone holding one has 2^64 addresses to rotate through).
     */
    static String limitKey(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            out.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return out.append(":/64").toString();
    }
}
