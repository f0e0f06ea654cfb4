package io.fleetcast.control.login;

import java.net.InetAddress;

/** One entry of {@code LOGIN_TRUSTED_PROXIES}: an address or a CIDR block such as {@code 10.0.0.0/8}. */
public record AddressBlock(byte[] network, int prefix) {
    public AddressBlock {
        network = network.clone();
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix /" + prefix + " is out of range");
        }
    }

    public static AddressBlock parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress parsed = IpLiteral.parse(address).orElseThrow(() -> new IllegalArgumentException(
                "LOGIN_TRUSTED_PROXIES: '" + text + "' is not an IP address or CIDR block"));
        byte[] bytes = parsed.getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("LOGIN_TRUSTED_PROXIES: '" + text + "' has a bad prefix length", e);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("LOGIN_TRUSTED_PROXIES: '" + text + "' has a bad prefix length");
            }
        }
        return new AddressBlock(bytes, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            return "?/" + prefix;
        }
    }
}
