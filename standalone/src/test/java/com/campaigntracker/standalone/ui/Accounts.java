package com.campaigntracker.standalone.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The people of the browser tests, as accounts the product is started with ({noop} passwords: test fixtures
 * only). When the product checks who is calling, the tests sign in as them; the arguments are harmless when it
 * does not.
 */
record Accounts(String username, String password, String role, String unit) {
    static final Accounts COORDINATOR = new Accounts("coordinator", "coord-pw", "COORDINATOR", null);
    static final Accounts LEADER = new Accounts("leader", "leader-pw", "LEADER", null);
    static final Accounts ADMIN = new Accounts("admin", "admin-pw", "ADMIN", null);
    /** The 实践所 that reports in the live-dashboard test. */
    static final Accounts UNIT_LIVE = new Accounts("xueyuanlu", "unit-pw", "UNIT", "uit-suo-live");
    /** The volunteer team that corrects and retracts. */
    static final Accounts UNIT_FIX = new Accounts("lantian", "unit-pw", "UNIT", "uit-team-fix");

    static final List<Accounts> ALL = List.of(COORDINATOR, LEADER, ADMIN, UNIT_LIVE, UNIT_FIX);

    /** Spring arguments that create every account. */
    static String[] productArgs() {
        return ALL.stream().flatMap(a -> {
            int i = ALL.indexOf(a);
            String p = "--tracker.security.users[" + i + "].";
            return a.unit == null
                    ? java.util.stream.Stream.of(p + "username=" + a.username, p + "password={noop}" + a.password,
                    p + "roles=" + a.role)
                    : java.util.stream.Stream.of(p + "username=" + a.username, p + "password={noop}" + a.password,
                    p + "roles=" + a.role, p + "unit=" + a.unit);
        }).toArray(String[]::new);
    }

    String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
