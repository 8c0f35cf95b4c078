package dev.tether.audit.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one batch to the collector on a connection of its own and waits for its confirmation.
 * Syslog over TCP has no acknowledgement; a write returns once the bytes are in the local kernel's
 * buffer. So a batch counts as delivered only when the collector, having read to the end of it,
 * closes the connection after Tether closed its sending side (what rsyslog and syslog-ng do); a
 * reset or a timeout means it may not have been read, and it is sent again later. TLS verifies the
 * collector's certificate and host name against the JVM's trust store.
 */
final class SyslogCollector {

    private SyslogCollector() {}

    static void send(SyslogSettings.Collector collector, List<byte[]> messages, Duration timeout) throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = open(collector, millis)) {
            OutputStream out = socket.getOutputStream();
            for (byte[] message : messages) {
                out.write(message);
            }
            out.flush();
            // On TLS this sends close_notify and keeps reading (the JDK's TLS half-close).
            socket.shutdownOutput();
            awaitClose(socket.getInputStream());
        }
    }

    private static Socket open(SyslogSettings.Collector collector, int millis) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(collector.host(), collector.port()), millis);
            plain.setSoTimeout(millis);
            if (!collector.tls()) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, collector.host(), collector.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** Reads until the collector closes: anything it sends is ignored (syslog collectors send nothing). */
    private static void awaitClose(InputStream in) throws IOException {
        byte[] ignored = new byte[256];
        try {
            while (in.read(ignored) >= 0) {
                // The collector spoke; keep reading until it closes.
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the collector did not confirm the batch by closing the connection", e);
        }
    }
}
