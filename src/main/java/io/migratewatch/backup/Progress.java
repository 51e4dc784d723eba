package io.migratewatch.backup;

/**
 * Where a long backup or restore reports how far it got. The engines call it often; an
 * implementation decides how often to show anything (the terminal bar redraws a few times a second).
 */
public interface Progress {

    /** Reports nothing: the daemon, tests, and commands without a terminal. */
    Progress NONE = new Progress() {
        @Override
        public void start(String what, long expectedRows, long expectedBytes) {
        }

        @Override
        public void advance(long rows, long bytes) {
        }

        @Override
        public void finish() {
        }
    };

    /** @param expectedRows  an estimate, or -1 when unknown
     *  @param expectedBytes an estimate, or -1 when unknown */
    void start(String what, long expectedRows, long expectedBytes);

    /** Totals so far, not increments. */
    void advance(long rows, long bytes);

    void finish();
}
