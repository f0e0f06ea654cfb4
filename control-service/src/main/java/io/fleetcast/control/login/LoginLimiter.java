package io.fleetcast.control.login;

import io.fleetcast.control.http.TooManyRequestsException;
import io.fleetcast.control.http.UnavailableException;
import io.fleetcast.control.store.Redis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Failed logins counted in Redis, so every instance shares the limits: fixed windows per account
 * name and per client address ({@code src/main/resources/login/*.lua}, atomic). An attempt is
 * counted when it begins and taken back when the password was right, so parallel guesses cannot
 * slip past the limit. Over a limit the answer is 429 with {@code Retry-After} until that
 * window ends; refused attempts are not counted, so a lock lasts one window at most. Unknown
 * names are counted like real ones, so the limit does not reveal which names exist.
 */
public final class LoginLimiter {
    private static final System.Logger LOG = System.getLogger(LoginLimiter.class.getName());
    private static final String ACCOUNT = "fleetcast:login:failures:account:";
    private static final String ADDRESS = "fleetcast:login:failures:address:";

    private final Redis redis;
    private final LoginLimits limits;
    private final String begin = script("begin");
    private final String succeeded = script("succeeded");

    public LoginLimiter(Redis redis, LoginLimits limits) {
        this.redis = redis;
        this.limits = limits;
    }

    /** One attempt on {@code account} from {@code address}; refused (429) over a limit. */
    public Attempt begin(String account, InetAddress address) {
        Attempt attempt = new Attempt(ACCOUNT + digest(account), ADDRESS + IpLiteral.limitKey(address));
        List<?> reply;
        try (Jedis jedis = redis.connection()) {
            reply = (List<?>) jedis.eval(begin, List.of(attempt.accountKey(), attempt.addressKey()), List.of(
                    Integer.toString(limits.accountLimit()), Long.toString(limits.accountWindow().toMillis()),
                    Integer.toString(limits.addressLimit()), Long.toString(limits.addressWindow().toMillis())));
        } catch (JedisException e) {
            throw new UnavailableException("login is unavailable: the failed-login limit cannot be checked", e);
        }
        long which = (Long) reply.get(0);
        if (which == 0) {
            return attempt;
        }
        Duration wait = Duration.ofMillis((Long) reply.get(1));
        String what = which == 1 ? "this account" : "this address";
        LOG.log(Level.DEBUG, () -> "login refused: too many failures for " + what + " from " + address.getHostAddress());
        throw new TooManyRequestsException("too many failed logins for " + what + "; try again in "
                + TooManyRequestsException.seconds(wait) + " s", wait);
    }

    /** The password was right: forgive the account's failures and take this attempt back. */
    public void succeeded(Attempt attempt) {
        try (Jedis jedis = redis.connection()) {
            jedis.eval(succeeded, List.of(attempt.accountKey(), attempt.addressKey()), List.of());
        } catch (JedisException e) {
            // The counters expire on their own; the login itself went through.
            LOG.log(Level.WARNING, "cannot reset the failed-login counter after a login: " + e.getMessage());
        }
    }

    /** The counters one attempt was charged to. */
    public record Attempt(String accountKey, String addressKey) {
    }

    // Names are hashed: the keys stay short whatever was typed, and Redis holds no account list.
    private static String digest(String account) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String script(String name) {
        String path = "/login/" + name + ".lua";
        try (InputStream in = LoginLimiter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
