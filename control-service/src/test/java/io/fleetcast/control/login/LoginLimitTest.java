package io.fleetcast.control.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed logins are limited per account and per client address, in Redis, shared by every
 * instance. The test server trusts X-Forwarded-For from loopback, so each test speaks from
 * addresses of its own (documentation ranges) and test runs cannot disturb one another.
 */
@ExtendWith(StoresExtension.class)
class LoginLimitTest {
    private static final String PROXY = "127.0.0.1,::1";
    private static final String[] RANGES = {"192.0.2.", "198.51.100.", "203.0.113."};
    private static final AtomicInteger ADDRESSES = new AtomicInteger(ThreadLocalRandom.current().nextInt(762));

    private static Map<String, String> limits(int perAccount, int accountSeconds, int perAddress, int addressSeconds) {
        Map<String, String> env = new HashMap<>();
        env.put("LOGIN_ACCOUNT_FAILURE_LIMIT", Integer.toString(perAccount));
        env.put("LOGIN_ACCOUNT_WINDOW_SECONDS", Integer.toString(accountSeconds));
        env.put("LOGIN_ADDRESS_FAILURE_LIMIT", Integer.toString(perAddress));
        env.put("LOGIN_ADDRESS_WINDOW_SECONDS", Integer.toString(addressSeconds));
        env.put("LOGIN_TRUSTED_PROXIES", PROXY);
        return env;
    }

    @Test
    void fortyWrongPasswordsLockTheAccountForOneWindowOnly(TestStores stores) throws Exception {
        try (TestServer server = TestServer.start(stores, limits(10, 5, 1000, 60), new OwnerDrivesPlayroom())) {
            TestClient client = server.client();
            String name = unique("alice");
            client.post("/api/users", Map.of("name", name, "password", "right-password"), null);
            String from = address();

            List<Integer> statuses = new ArrayList<>();
            TestClient.Reply lastRefusal = null;
            for (int i = 0; i < 40; i++) {
                TestClient.Reply reply = login(client, name, "wrong-password", from);
                statuses.add(reply.status());
                if (reply.status() == 429) {
                    lastRefusal = reply;
                }
            }
            assertThat(statuses.subList(0, 10)).containsOnly(401);
            assertThat(statuses.subList(10, 40)).containsOnly(429);
            assertThat(lastRefusal.error()).isEqualTo("too_many_requests");
            assertThat(lastRefusal.contentType()).startsWith("application/json");

            TestClient.Reply right = login(client, name, "right-password", from);
            assertThat(right.status()).isEqualTo(429);
            long retryAfter = Long.parseLong(right.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 5L);

            // The 30 refused attempts did not extend the lock: once Retry-After has passed, the
            // right password works (and from a different address the account is locked too).
            assertThat(login(client, name, "right-password", address()).status()).isEqualTo(429);
            Thread.sleep(retryAfter * 1000 + 100);
            assertThat(login(client, name, "right-password", from).status()).isEqualTo(200);
        }
    }

    @Test
    void aSuccessForgivesTheAccountsFailures(TestStores stores) {
        try (TestServer server = TestServer.start(stores, limits(10, 60, 1000, 60), new OwnerDrivesPlayroom())) {
            TestClient client = server.client();
            String name = unique("bob");
            client.post("/api/users", Map.of("name", name, "password", "right-password"), null);
            String from = address();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 9; i++) {
                    assertThat(login(client, name, "wrong-password", from).status()).isEqualTo(401);
                }
                assertThat(login(client, name, "right-password", from).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void oneAddressGuessingAcrossAccountsIsLimitedWithoutLockingThoseAccounts(TestStores stores) {
        try (TestServer server = TestServer.start(stores, limits(10, 60, 5, 60), new OwnerDrivesPlayroom())) {
            TestClient client = server.client();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                names.add(unique("user" + i));
                client.post("/api/users", Map.of("name", names.get(i), "password", "right-password"), null);
            }
            String guesser = address();
            for (int i = 0; i < 5; i++) {
                assertThat(login(client, names.get(i), "wrong-password", guesser).status()).isEqualTo(401);
            }
            TestClient.Reply refused = login(client, names.get(5), "right-password", guesser);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(refused.json().get("message").asText()).contains("address");

            // The accounts themselves are not locked: their owners, elsewhere, get in.
            assertThat(login(client, names.get(0), "right-password", address()).status()).isEqualTo(200);
            assertThat(login(client, names.get(5), "right-password", address()).status()).isEqualTo(200);
        }
    }

    @Test
    void twoInstancesShareTheLimit(TestStores stores) {
        Map<String, String> env = limits(10, 60, 1000, 60);
        try (TestServer a = TestServer.start(stores, env, new OwnerDrivesPlayroom());
             TestServer b = TestServer.onDatabase(stores, a.database(), env, new OwnerDrivesPlayroom())) {
            String name = unique("carol");
            a.client().post("/api/users", Map.of("name", name, "password", "right-password"), null);
            for (int i = 0; i < 5; i++) {
                assertThat(login(a.client(), name, "wrong-password", address()).status()).isEqualTo(401);
                assertThat(login(b.client(), name, "wrong-password", address()).status()).isEqualTo(401);
            }
            assertThat(login(a.client(), name, "right-password", address()).status()).isEqualTo(429);
            assertThat(login(b.client(), name, "right-password", address()).status()).isEqualTo(429);
        }
    }

    @Test
    void unknownNamesAreLimitedLikeRealOnes(TestStores stores) {
        try (TestServer server = TestServer.start(stores, limits(3, 60, 1000, 60), new OwnerDrivesPlayroom())) {
            String nobody = unique("nobody");
            for (int i = 0; i < 3; i++) {
                assertThat(login(server.client(), nobody, "whatever-pass", address()).status()).isEqualTo(401);
            }
            assertThat(login(server.client(), nobody, "whatever-pass", address()).status()).isEqualTo(429);
        }
    }

    @Test
    void aWrongCurrentPasswordCountsAgainstTheAccount(TestStores stores) {
        try (TestServer server = TestServer.start(stores, limits(3, 60, 1000, 60), new OwnerDrivesPlayroom())) {
            TestClient client = server.client();
            String name = unique("dave");
            client.post("/api/users", Map.of("name", name, "password", "right-password"), null);
            String token = client.login(name, "right-password").token();
            Map<String, String> change = Map.of("currentPassword", "guess-guess", "newPassword", "another-password");
            for (int i = 0; i < 3; i++) {
                assertThat(client.post("/api/auth/password", change, token).status()).isEqualTo(403);
            }
            assertThat(client.post("/api/auth/password", change, token).status()).isEqualTo(429);
            assertThat(login(client, name, "right-password", address()).status()).isEqualTo(429);
        }
    }

    static TestClient.Reply login(TestClient client, String name, String password, String from) {
        return client.send("POST", "/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}",
                "application/json", null, Map.of("X-Forwarded-For", from));
    }

    /** A fresh address from the three documentation ranges (762 of them, then they repeat). */
    static String address() {
        int n = Math.floorMod(ADDRESSES.getAndIncrement(), 3 * 254);
        return RANGES[n / 254] + (n % 254 + 1);
    }

    static String unique(String name) {
        return name + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
