package io.migratewatch.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * POSTs each notification as JSON to a URL (Slack-style incoming webhooks, chat bridges, CI hooks):
 *
 * <pre>{"text":"✓ Migration applied: add users.email (3f4a5b6c) in 142 ms","event":"applied","revision":"3f4a5b6c"}</pre>
 *
 * {@code text} is the notification's text, followed by its detail on further lines when it has one;
 * {@code event} is the {@link EventKind} in lower case; {@code revision} is null when there is none.
 * User info in the URL ({@code https://user:token@host/…}) is sent as HTTP basic authentication.
 * <p>
 * Sending waits for the answer, at most the timeout. It never throws: a failure or a non-2xx answer
 * is logged at WARN, naming only the URL's scheme, host and port (user info, path and query can
 * hold tokens, so they never reach the log).
 */
public final class WebhookNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

    private final URI url;
    private final URI target;
    private final String authorization;
    private final String safeUrl;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL with a host, or
     *                                  {@code timeout} is not positive (the message never repeats the URL)
     */
    public WebhookNotifier(URI url, Duration timeout) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the webhook URL must start with http:// or https://");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("the webhook URL has no host name");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the webhook timeout must be positive, not " + timeout);
        }
        this.url = url;
        this.timeout = timeout;
        String authority = url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
        this.safeUrl = scheme + "://" + authority + (emptyPath(url) ? "" : "/…");
        this.target = URI.create(scheme + "://" + authority + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        this.authorization = url.getUserInfo() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(url.getUserInfo().getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static boolean emptyPath(URI url) {
        return (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))
                && url.getRawQuery() == null;
    }

    @Override
    public void send(Notification notification) {
        if (notification == null) {
            return;
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "migrate-watch")
                    .POST(HttpRequest.BodyPublishers.ofString(json(notification), StandardCharsets.UTF_8));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("Webhook notification to {} was refused: HTTP {}", safeUrl, response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Webhook notification to {} was interrupted", safeUrl);
        } catch (Exception e) {
            LOG.warn("Webhook notification to {} failed: {}", safeUrl, describe(e));
        }
    }

    /** The request body for a notification. */
    static String json(Notification notification) {
        String text = notification.text() == null ? "" : notification.text();
        String detail = notification.detail();
        if (detail != null && !detail.isBlank()) {
            text = text + "\n" + detail.stripTrailing();
        }
        String event = (notification.kind() == null ? EventKind.INFO : notification.kind()).name().toLowerCase(Locale.ROOT);
        return "{\"text\":" + Json.quote(text) + ",\"event\":" + Json.quote(event) + ",\"revision\":"
                + Json.quote(notification.revision()) + "}";
    }

    /** The exception's type and message, with any part of the URL that could hold a token cut out. */
    private String describe(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        for (String secret : new String[] {url.toString(), target.toString(), url.getRawUserInfo(), url.getUserInfo(),
                url.getRawQuery(), url.getQuery(), url.getRawPath(), url.getPath()}) {
            if (secret != null && secret.length() > 1) {
                message = message.replace(secret, "…");
            }
        }
        return e.getClass().getSimpleName() + ": " + message;
    }

    @Override
    public String toString() {
        return "WebhookNotifier[" + safeUrl + "]";
    }
}
