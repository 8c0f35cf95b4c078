package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.audit.ledger.LedgerJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A syslog collector on a TCP port of the test: it reads octet-counted RFC 5424 messages (RFC
 * 6587) until the sender closes its side, then closes its own, which is how Tether learns that a
 * batch was read. Stopping it refuses connections, as a collector that is down does.
 */
final class SyslogCollectorFixture implements AutoCloseable {

    /** The port the integration-test server pushes to (tether.audit.syslog.url in the build): one per server. */
    static final int PORT = Integer.getInteger("tether.it.syslog-port", 5514);

    private static final Pattern MESSAGE =
            Pattern.compile("<(\\d+)>1 (\\S+) (\\S+) tether - (audit-event|audit-checkpoint) - (\\{.*\\})");

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile Thread acceptor;

    void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), PORT));
        server = socket;
        acceptor = new Thread(() -> accept(socket), "syslog-collector");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void stop() throws IOException, InterruptedException {
        ServerSocket socket = server;
        if (socket != null) {
            socket.close();
            acceptor.join(5000);
            server = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** Every message received so far, in order of arrival, without its length prefix. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                read(new BufferedInputStream(connection.getInputStream()));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException("the test collector could not read a batch", e);
            }
        }
    }

    private void read(InputStream in) throws IOException {
        while (true) {
            int length = 0;
            int c = in.read();
            if (c < 0) {
                return;
            }
            while (c != ' ') {
                if (c < '0' || c > '9') {
                    throw new IOException("not octet-counted framing: " + (char) c);
                }
                length = length * 10 + (c - '0');
                c = in.read();
            }
            byte[] message = in.readNBytes(length);
            if (message.length != length) {
                throw new IOException("a message was cut short");
            }
            messages.add(new String(message, StandardCharsets.UTF_8));
        }
    }

    /** The received events by sequence number (a batch sent twice is one event) and the checkpoint lines. */
    record Received(NavigableMap<Long, String> events, List<String> checkpoints) {}

    /** What arrived, checked as Tether's RFC 5424 messages; a resent event must be the same event. */
    Received received() {
        NavigableMap<Long, String> events = new TreeMap<>();
        List<String> checkpoints = new ArrayList<>();
        for (String message : messages()) {
            Matcher m = MESSAGE.matcher(message);
            assertTrue(m.matches(), "an RFC 5424 message of Tether's: " + message);
            if (m.group(4).equals("audit-event")) {
                assertEquals("110", m.group(1), "facility log audit, informational");
                String line = m.group(5);
                long seq = LedgerJson.entry(line).record().seq();
                String earlier = events.putIfAbsent(seq, line);
                assertTrue(earlier == null || earlier.equals(line), "a resent event is the same event");
            } else {
                assertEquals("109", m.group(1), "facility log audit, notice");
                checkpoints.add(m.group(5));
            }
        }
        return new Received(events, checkpoints);
    }

    static String json(String message) {
        int brace = message.indexOf('{');
        return message.substring(brace);
    }
}
