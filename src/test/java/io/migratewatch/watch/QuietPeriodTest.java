package io.migratewatch.watch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class QuietPeriodTest {

    private static final long MS = 1_000_000L;

    @Test
    void dueOnceEventsStopForTheQuietPeriod() {
        QuietPeriod q = new QuietPeriod(Duration.ofMillis(300), Duration.ofSeconds(60));
        assertThat(q.pending()).isFalse();
        q.touch(0);
        q.touch(200 * MS);
        assertThat(q.isDue(400 * MS)).as("the second event restarted the wait").isFalse();
        assertThat(q.isDue(500 * MS)).isTrue();
        q.reset();
        assertThat(q.pending()).isFalse();
        assertThat(q.isDue(10_000 * MS)).isFalse();
    }

    @Test
    void aConstantStreamOfEventsIsServedAfterMaxWait() {
        QuietPeriod q = new QuietPeriod(Duration.ofMillis(300), Duration.ofSeconds(1));
        long t = 0;
        for (; t < 1_000 * MS; t += 100 * MS) {
            q.touch(t);
            assertThat(q.isDue(t)).isFalse();
        }
        assertThat(q.dueAt()).isEqualTo(1_000 * MS);
        assertThat(q.isDue(1_000 * MS)).isTrue();
    }
}
