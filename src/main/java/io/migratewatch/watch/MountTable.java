package io.migratewatch.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mounts of this process, as Linux lists them in /proc/self/mountinfo. Parsing and lookup are pure. */
public final class MountTable {

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private final List<Mount> mounts;

    private MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    /** This process's mounts; empty where there is no /proc (macOS, Windows), which have native file events anyway. */
    public static MountTable ofThisProcess() {
        try {
            return Files.isReadable(MOUNTINFO) ? parse(Files.readAllLines(MOUNTINFO)) : new MountTable(List.of());
        } catch (IOException e) {
            return new MountTable(List.of());
        }
    }

    /**
     * Reads mountinfo lines: {@code ID PARENT MAJ:MIN ROOT MOUNT-POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER-OPTIONS}.
     * Lines that do not have that shape are left out.
     */
    public static MountTable parse(List<String> lines) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            int separator = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    separator = i;
                    break;
                }
            }
            if (separator < 0 || separator + 2 >= f.length) {
                continue;
            }
            mounts.add(new Mount(unescape(f[3]), Path.of(unescape(f[4])), unescape(f[separator + 1]), unescape(f[separator + 2])));
        }
        return new MountTable(mounts);
    }

    /**
     * The mount a path lives on: the one with the longest mount point that contains it; of mounts on the same point,
     * the last, which hides the others.
     */
    public Optional<Mount> mountOf(Path path) {
        Mount best = null;
        for (Mount m : mounts) {
            if (path.startsWith(m.mountPoint()) && (best == null || m.mountPoint().getNameCount() >= best.mountPoint().getNameCount())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The kernel writes space, tab, newline and backslash in paths as octal escapes: {@code \040}. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
