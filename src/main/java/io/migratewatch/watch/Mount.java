package io.migratewatch.watch;

import java.nio.file.Path;

/**
 * One line of /proc/self/mountinfo: where a file system is mounted and what it is.
 *
 * @param root       the folder of the source file system that appears at the mount point (a bind mount's host folder
 *                   as the kernel sees it, e.g. {@code /host_mnt/Users/me/app} under Docker Desktop)
 * @param mountPoint where it appears
 * @param type       the file system type, e.g. {@code ext4}, {@code virtiofs}, {@code fuse.grpcfuse}
 * @param source     the mount source, e.g. {@code /dev/sda1}, {@code grpcfuse}, {@code //server/share}
 */
public record Mount(String root, Path mountPoint, String type, String source) {
}
