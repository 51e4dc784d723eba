package io.migratewatch.watch;

import io.migratewatch.config.Settings;

import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a watched folder is polled. inotify reports only changes made through the kernel that watches: a
 * file saved on a macOS or Windows host and shared into a container or VM, or saved by another machine on a network
 * share, changes without an event on this side.
 */
public final class EventlessMounts {

    /** File system types whose changes may come from elsewhere without an event. */
    static final Set<String> TYPES = Set.of(
            "fuse.grpcfuse", "grpcfuse", "fuse.osxfs", "osxfs", "virtiofs", "fakeowner", // Docker Desktop, Podman machine
            "9p", "drvfs", // WSL 2 and Docker Desktop on Windows
            "cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", // network shares
            "vboxsf", "prl_fs", "vmhgfs", "fuse.vmhgfs-fuse"); // VirtualBox, Parallels and VMware shared folders

    /** Where Docker Desktop's VM keeps the host's folders; a bind mount's root starts with one of these. */
    static final Set<String> HOST_FOLDERS = Set.of("/host_mnt/", "/run/desktop/mnt/host/");

    private EventlessMounts() {
    }

    /** Why the folder on {@code mount} is polled, or empty to wait for file events. */
    public static Optional<String> whyPoll(Settings.PollMode mode, Optional<Mount> mount) {
        return switch (mode) {
            case ALWAYS -> Optional.of("watcher.poll = true");
            case NEVER -> Optional.empty();
            case AUTO -> mount.flatMap(EventlessMounts::eventless);
        };
    }

    private static Optional<String> eventless(Mount m) {
        if (TYPES.contains(m.type())) {
            return Optional.of("on a " + m.type() + " mount, which delivers no file events (watcher.poll = false turns polling off)");
        }
        if (HOST_FOLDERS.stream().anyMatch(m.root()::startsWith)) {
            return Optional.of("a bind mount from the Docker host, which delivers no file events (watcher.poll = false turns polling off)");
        }
        return Optional.empty();
    }
}
