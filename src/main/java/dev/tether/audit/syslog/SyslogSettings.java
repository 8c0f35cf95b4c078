package dev.tether.audit.syslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The syslog push's settings; without {@code tether.audit.syslog.url} there is no push. */
@ApplicationScoped
public class SyslogSettings {

    public static final String URL = "tether.audit.syslog.url";

    /** Where the collector listens: {@code tls://host:port} (RFC 5425) or {@code tcp://host:port} (RFC 6587). */
    public record Collector(boolean tls, String host, int port) {

        static Collector parse(String url) {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equals("tls") || scheme.equals("tcp"))
                    || uri.getHost() == null
                    || uri.getPort() < 1) {
                throw new IllegalArgumentException(
                        URL + " must be tls://host:port or tcp://host:port, was '" + url + "'");
            }
            return new Collector(scheme.equals("tls"), uri.getHost(), uri.getPort());
        }

        @Override
        public String toString() {
            return (tls ? "tls://" : "tcp://") + host + ":" + port;
        }
    }

    @Inject
    @ConfigProperty(name = URL)
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "tether.audit.syslog.batch", defaultValue = "500")
    int batch;

    @Inject
    @ConfigProperty(name = "tether.audit.syslog.interval", defaultValue = "PT1S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "tether.audit.syslog.retry", defaultValue = "PT30S")
    Duration retry;

    @Inject
    @ConfigProperty(name = "tether.audit.syslog.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "tether.audit.syslog.hostname")
    Optional<String> hostname;

    public Optional<Collector> collector() {
        return url.filter(u -> !u.isBlank()).map(Collector::parse);
    }

    int batch() {
        return Math.max(1, Math.min(batch, 10_000));
    }

    Duration interval() {
        return interval;
    }

    Duration retry() {
        return retry;
    }

    Duration timeout() {
        return timeout;
    }

    /** RFC 5424's HOSTNAME of this node: configured, else the machine's name. */
    String hostname() {
        return hostname.filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                // A machine without a name: RFC 5424's nil value says so.
                return "-";
            }
        });
    }
}
