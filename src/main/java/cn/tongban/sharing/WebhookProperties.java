package cn.tongban.sharing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are pushed ({@code tongban.sharing.webhook.*}); defaults in application.yml.
 *
 * @param schedule           cron of the delivery worker ({@code -}: not scheduled, e.g. in tests, which run it
 *                           themselves)
 * @param connectTimeout     to open the connection to a department's endpoint
 * @param readTimeout        from sending the request to the response's status line
 * @param initialBackoff     the wait after the first failure; each further failure multiplies it
 * @param multiplier         the factor of the exponential back-off
 * @param maxBackoff         the longest wait between two attempts
 * @param maxAttempts        failed attempts after which a delivery is parked until an administrator replays it
 * @param batchSize          deliveries one worker claims at a time
 * @param allowHttpLocalhost accept {@code http://localhost} endpoints (demo and tests); otherwise HTTPS only
 */
@ConfigurationProperties("tongban.sharing.webhook")
record WebhookProperties(String schedule, Duration connectTimeout, Duration readTimeout, Duration initialBackoff,
        double multiplier, Duration maxBackoff, int maxAttempts, int batchSize, boolean allowHttpLocalhost) {

    WebhookProperties {
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(10), "read-timeout");
        initialBackoff = positive(initialBackoff, Duration.ofSeconds(30), "initial-backoff");
        maxBackoff = positive(maxBackoff, Duration.ofHours(1), "max-backoff");
        multiplier = multiplier == 0 ? 2 : multiplier;
        maxAttempts = maxAttempts == 0 ? 8 : maxAttempts;
        batchSize = batchSize == 0 ? 50 : batchSize;
        if (multiplier < 1 || maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("tongban.sharing.webhook: multiplier must be at least 1, max-attempts and batch-size positive");
        }
    }

    /** The wait after this many consecutive failures: initial × multiplier^(failures − 1), at most max-backoff. */
    Duration backoff(int failures) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** How long a claimed delivery is left to its worker before another may take it: past both timeouts. */
    Duration lease() {
        return connectTimeout.plus(readTimeout).plusSeconds(30);
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tongban.sharing.webhook." + name + " must be positive");
        }
        return value;
    }
}
