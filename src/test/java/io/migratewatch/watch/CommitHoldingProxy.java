package io.migratewatch.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy between the daemon and the test database that, once armed, keeps the server's answer to the next
 * {@code COMMIT} from the daemon: the transaction is committed and visible to everyone else, but the daemon waits for
 * the answer until it is killed. That is, from outside, the moment after the commit and before the daemon moves the
 * migration file into place. Everything else passes through untouched.
 */
final class CommitHoldingProxy implements AutoCloseable {

    /** The server's CommandComplete message for a COMMIT: 'C', its length (4 + 7), "COMMIT\0". */
    private static final byte[] COMMIT_COMPLETE = concat(new byte[] {'C', 0, 0, 0, 11}, "COMMIT\0".getBytes(StandardCharsets.US_ASCII));

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile CountDownLatch held = new CountDownLatch(1);

    CommitHoldingProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, the first COMMIT's answer is held back (on whichever connection it comes). */
    void holdNextCommit() {
        held = new CountDownLatch(1);
        armed.set(true);
    }

    /** Whether a COMMIT's answer is held back, waiting up to the timeout. */
    boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromServer) {
        Thread t = new Thread(() -> {
            byte[] tail = new byte[0];
            byte[] buffer = new byte[16384];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (fromServer && armed.get()) {
                        // the tail of what went before: the message may straddle two reads
                        byte[] window = concat(tail, Arrays.copyOf(buffer, n));
                        if (contains(window, COMMIT_COMPLETE) && armed.compareAndSet(true, false)) {
                            // the answer and everything after it stay here, both sockets open: the client waits for it
                            held.countDown();
                            return;
                        }
                        tail = Arrays.copyOfRange(window, Math.max(0, window.length - COMMIT_COMPLETE.length), window.length);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        synchronized (sockets) {
            sockets.forEach(CommitHoldingProxy::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
