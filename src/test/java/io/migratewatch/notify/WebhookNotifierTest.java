package io.migratewatch.notify;

import ch.qos.logback.classic.Level;
import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookNotifierTest {

    /** What the server saw of one request. */
    record Received(String method, String path, String query, String contentType, String authorization, String body) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile int status = 204;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("the webhook server received a request").isNotNull();
        return r;
    }

    @Test
    void postsTheNotificationAsJson() throws Exception {
        new WebhookNotifier(url("/hooks/migrations"), Duration.ofSeconds(5))
                .send(new Notification(EventKind.APPLIED, "✓ Migration applied: add \"users\".email \\ done\nsecond line", "3f4a5b6c7d8e", null));

        Received r = next();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/hooks/migrations");
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo(
                "{\"text\":\"✓ Migration applied: add \\\"users\\\".email \\\\ done\\nsecond line\",\"event\":\"applied\",\"revision\":\"3f4a5b6c7d8e\"}");
    }

    @Test
    void revisionIsNullWhenThereIsNoneAndDetailFollowsTheText() throws Exception {
        new WebhookNotifier(url("/"), Duration.ofSeconds(5))
                .send(new Notification(EventKind.MODELS_CHANGED, "models changed", null, "run: migrate-watch generate \"x\""));

        assertThat(next().body()).isEqualTo(
                "{\"text\":\"models changed\\nrun: migrate-watch generate \\\"x\\\"\",\"event\":\"models_changed\",\"revision\":null}");
    }

    @Test
    void controlCharactersAndUnicodeSurviveAJsonParser() throws Exception {
        String text = "tab\there\r\n\u0000\u0001\u001f\u007f bell\u0007 ✓ ⚠ ✗ é 😀 \u2028 quote\" slash/ back\\";
        new WebhookNotifier(url("/"), Duration.ofSeconds(5)).send(new Notification(EventKind.FAILED, text, "abc", null));

        String body = next().body();
        assertThat(body).doesNotContain("\u0000", "\u0001", "\u001f", "\u0007", "\t", "\r", "\n")
                .contains("\\u0000", "\\u0001", "\\u001f", "\\u0007", "\\t", "\\r\\n", "✓ ⚠ ✗ é 😀");
        Config parsed = ConfigFactory.parseString(body, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        assertThat(parsed.getString("text")).isEqualTo(text);
        assertThat(parsed.getString("event")).isEqualTo("failed");
        assertThat(parsed.getString("revision")).isEqualTo("abc");
    }

    @Test
    void everyKindIsSentAsItsLowerCaseName() throws Exception {
        WebhookNotifier webhook = new WebhookNotifier(url("/"), Duration.ofSeconds(5));
        for (EventKind kind : EventKind.values()) {
            webhook.send(Notification.of(kind, "x"));
            assertThat(next().body()).contains("\"event\":\"" + kind.name().toLowerCase() + "\"");
        }
    }

    @Test
    void userInfoBecomesBasicAuthenticationAndTheQueryIsKept() throws Exception {
        URI withUser = URI.create("http://bot:s3cret@127.0.0.1:" + server.getAddress().getPort() + "/hook?token=abc");
        new WebhookNotifier(withUser, Duration.ofSeconds(5)).send(Notification.of(EventKind.INFO, "started"));

        Received r = next();
        assertThat(r.path()).isEqualTo("/hook");
        assertThat(r.query()).isEqualTo("token=abc");
        assertThat(r.authorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("bot:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRefusalIsLoggedNotThrown() throws Exception {
        status = 500;
        try (LogCapture log = LogCapture.of(WebhookNotifier.class)) {
            new WebhookNotifier(url("/services/T0/B0/SECRETPATH?token=SECRETQUERY"), Duration.ofSeconds(5))
                    .send(Notification.of(EventKind.APPLIED, "applied"));

            next();
            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("HTTP 500", "127.0.0.1:" + server.getAddress().getPort())
                    .doesNotContain("SECRETPATH", "SECRETQUERY");
        }
    }

    @Test
    void anUnreachableUrlDoesNotThrowAndItsSecretsStayOutOfTheLog() {
        try (LogCapture log = LogCapture.of(WebhookNotifier.class)) {
            WebhookNotifier webhook = new WebhookNotifier(
                    URI.create("http://alice:p4ssw0rd@127.0.0.1:1/services/T0/B0/SECRETPATH?token=SECRETQUERY"), Duration.ofSeconds(2));

            assertThatCode(() -> webhook.send(Notification.of(EventKind.FAILED, "✗ failed"))).doesNotThrowAnyException();

            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("http://127.0.0.1:1")
                    .doesNotContain("alice", "p4ssw0rd", "SECRETPATH", "SECRETQUERY");
            assertThat(webhook.toString()).doesNotContain("alice", "p4ssw0rd", "SECRETPATH", "SECRETQUERY");
        }
    }

    @Test
    void aSlowServerIsCutOffByTheTimeout() throws Exception {
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(60_000); // cut short by the executor's shutdownNow() after the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        WebhookNotifier webhook = new WebhookNotifier(url("/slow"), Duration.ofMillis(300));

        try (LogCapture log = LogCapture.of(WebhookNotifier.class)) {
            long start = System.nanoTime();
            assertThatCode(() -> webhook.send(Notification.of(EventKind.INFO, "x"))).doesNotThrowAnyException();
            // the notifier's own 300 ms timeout, not the server's minute: a bound far from both, for a loaded machine
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("timed out");
        }
    }

    @Test
    void onlyAbsoluteHttpUrlsAreAccepted() {
        assertThatThrownBy(() -> new WebhookNotifier(URI.create("ftp://example.com/x"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> new WebhookNotifier(URI.create("hooks/x"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookNotifier(URI.create("https:///x"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    }
}
