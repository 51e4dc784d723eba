package io.migratewatch.packaging;

import java.lang.management.ManagementFactory;

/** Stands in for migrate-watch's jar in {@link EntrypointScriptTest}: prints what it was started with; "exit N" exits N. */
public final class EchoMain {

    private EchoMain() {
    }

    public static void main(String[] args) {
        System.out.println("args=" + String.join("|", args));
        System.out.println("jvm=" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.exit(args.length == 2 && args[0].equals("exit") ? Integer.parseInt(args[1]) : 0);
    }
}
