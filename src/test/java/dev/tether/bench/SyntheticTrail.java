package dev.tether.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A year of plausible audit events, in time order, as PostgreSQL COPY text. Users' activity and
 * contents' popularity are Zipf-like (a few heavy users and hit titles, a long tail); most users
 * have one or two devices, a few have many, and some devices are shared between users; about
 * one decision in ten is a refusal. Seeded, so two loads of the same size are the same trail.
 */
final class SyntheticTrail {

    static final int CONTENTS = 2_000;
    static final Duration SPAN = Duration.ofDays(365);

    private static final String[] REASONS = {
        "DEVICE_NOT_REDEEMED",
        "COOKIE_EXPIRED",
        "UNKNOWN_CONTENT",
        "NOT_REGISTERED",
        "EXPRESSPLAY_UNAVAILABLE",
        "COOKIE_OF_ANOTHER_USER"
    };
    private static final double[] REASON_WEIGHTS = {0.35, 0.2, 0.15, 0.15, 0.1, 0.05};

    private final SplittableRandom random = new SplittableRandom(20261126L);
    private final long events;
    private final int users;
    private final Instant end;
    private final Instant start;
    private final Zipf userPick;
    private final Zipf contentPick = new Zipf(CONTENTS, 1.05);
    private final String[][] devicesOfUser;
    /** First and last sight of each (user, device) pair, for the device table. */
    final Map<String, Instant[]> pairs = new HashMap<>();

    SyntheticTrail(long events, Instant end) {
        this.events = events;
        this.users = (int) Math.max(100, events / 50);
        this.end = end.truncatedTo(ChronoUnit.SECONDS);
        this.start = this.end.minus(SPAN);
        this.userPick = new Zipf(users, 0.8);
        this.devicesOfUser = new String[users][];
        String[] pool = new String[users * 2];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = hex(20);
        }
        for (int u = 0; u < users; u++) {
            int count = 1 + (int) Math.min(9, Math.floor(Math.log(1 - random.nextDouble()) / Math.log(0.45)));
            devicesOfUser[u] = new String[count];
            for (int d = 0; d < count; d++) {
                // One device in fifty is also another user's: a shared or resold player.
                devicesOfUser[u][d] =
                        random.nextInt(50) == 0 ? pool[random.nextInt(pool.length)] : pool[(u * 2 + d) % pool.length];
            }
        }
    }

    static String user(int u) {
        return "user-" + u;
    }

    static String content(int c) {
        return "title-" + c;
    }

    /** The most active user and the most popular content: the heaviest filters. */
    String heavyUser() {
        return user(0);
    }

    String deviceOf(int user) {
        return devicesOfUser[user][0];
    }

    /** Writes every event as a COPY text row of (occurred_at, event_type, ..., client_address). */
    void write(Writer out) throws IOException {
        long spanMillis = SPAN.toMillis();
        StringBuilder row = new StringBuilder(256);
        for (long i = 0; i < events; i++) {
            Instant at = start.plusMillis(spanMillis * i / events + random.nextInt(1000));
            int u = userPick.next(random);
            String[] devices = devicesOfUser[u];
            String device = devices[random.nextInt(devices.length)];
            String content = content(contentPick.next(random));
            double kind = random.nextDouble();
            row.setLength(0);
            if (kind < 0.10) {
                String type = kind < 0.02 ? "INVALID_REQUEST" : kind < 0.07 ? "DEVICE_BOUND_TOKEN" : "TIME_BASED_TOKEN";
                String reason = type.equals("INVALID_REQUEST") ? "INVALID_REQUEST" : pick(REASONS, REASON_WEIGHTS);
                event(
                        row,
                        at,
                        type,
                        "REFUSED",
                        reason,
                        u,
                        type.equals("DEVICE_BOUND_TOKEN") && random.nextBoolean() ? device : null,
                        type.equals("INVALID_REQUEST") ? null : content,
                        false);
            } else if (kind < 0.14) {
                event(row, at, "REGISTRATION", "GRANTED", null, u, null, content, true);
            } else if (kind < 0.18) {
                event(row, at, "DEVICE_RESOLUTION", "GRANTED", null, u, device, content, false);
                seen(u, device, at);
            } else if (kind < 0.40) {
                event(row, at, "TIME_BASED_TOKEN", "GRANTED", null, u, null, content, true);
            } else {
                event(row, at, "DEVICE_BOUND_TOKEN", "GRANTED", null, u, device, content, true);
                seen(u, device, at);
            }
            out.append(row);
        }
    }

    private void event(
            StringBuilder row,
            Instant at,
            String type,
            String outcome,
            String reason,
            int u,
            String device,
            String content,
            boolean token) {
        row.append(at)
                .append('\t')
                .append(type)
                .append('\t')
                .append(outcome)
                .append('\t')
                .append(nul(reason))
                .append('\t')
                .append(user(u))
                .append('\t')
                .append(nul(device))
                .append('\t')
                .append(nul(content))
                .append('\t')
                .append(device != null || type.equals("REGISTRATION") ? hex(18).substring(0, 24) : "\\N")
                .append('\t')
                .append(token ? hex(16) : "\\N")
                .append('\t')
                .append(token ? at.plus(Duration.ofHours(1)).toString() : "\\N")
                .append('\t')
                .append(new UUID(random.nextLong(), random.nextLong()))
                .append('\t')
                .append("10.")
                .append(random.nextInt(256))
                .append('.')
                .append(random.nextInt(256))
                .append('.')
                .append(random.nextInt(256))
                .append('\n');
    }

    private void seen(int u, String device, Instant at) {
        pairs.compute(u + "\t" + device, (k, v) -> {
            if (v == null) {
                return new Instant[] {at, at};
            }
            v[1] = at;
            return v;
        });
    }

    private String pick(String[] values, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String nul(String value) {
        return value == null ? "\\N" : value;
    }

    /** Ranks 0..n-1 with probability proportional to 1/(rank+1)^s, by inverting the cumulative table. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int next(SplittableRandom random) {
            int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
        }
    }
}
