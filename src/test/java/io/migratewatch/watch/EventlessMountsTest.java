package io.migratewatch.watch;

import io.migratewatch.config.Settings.PollMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** watcher.poll = auto over mount tables as containers and hosts see them. */
class EventlessMountsTest {

    /** A container started by Docker Desktop on macOS (VirtioFS) with the project's folders bind-mounted. */
    private static final MountTable DOCKER_DESKTOP_MAC = MountTable.parse(List.of(
            "590 560 0:80 / / rw,relatime master:300 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A:/var/lib/docker/overlay2/l/B,upperdir=/u,workdir=/w",
            "591 590 0:83 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw",
            "612 590 0:98 /host_mnt/Users/ana/shop/src /app/src ro,relatime - fakeowner /run/host_mark/Users rw,fakeowner",
            "613 590 0:98 /host_mnt/Users/ana/shop/migrations /app/migrations rw,relatime - fakeowner /run/host_mark/Users rw,fakeowner",
            "614 590 254:1 /docker/volumes/shop_backups/_data /app/backups rw,relatime - ext4 /dev/vda1 rw,discard"));

    private static Optional<String> auto(MountTable table, String path) {
        return EventlessMounts.whyPoll(PollMode.AUTO, table.mountOf(Path.of(path)));
    }

    @Test
    void dockerDesktopBindMountsArePolledAndItsVolumesAndTheContainerFileSystemAreNot() {
        assertThat(auto(DOCKER_DESKTOP_MAC, "/app/src/main/java/shop/Customer.java"))
                .contains("on a fakeowner mount, which delivers no file events (watcher.poll = false turns polling off)");
        assertThat(auto(DOCKER_DESKTOP_MAC, "/app/migrations")).isPresent();
        assertThat(auto(DOCKER_DESKTOP_MAC, "/app/backups")).isEmpty();
        assertThat(auto(DOCKER_DESKTOP_MAC, "/app")).isEmpty();
        assertThat(auto(DOCKER_DESKTOP_MAC, "/app/srcs")).as("a sibling whose name starts alike is not under the mount").isEmpty();
    }

    @Test
    void theOtherSharingFileSystemsArePolled() {
        MountTable table = MountTable.parse(List.of(
                "560 1 8:1 / / rw - ext4 /dev/sda1 rw",
                "601 560 0:98 /Users/ana/shop /grpc rw,relatime - fuse.grpcfuse grpcfuse rw,user_id=0,group_id=0,allow_other,max_read=1048576",
                "602 560 0:40 / /virtio rw,relatime - virtiofs mount0 rw",
                "603 560 0:90 / /wsl rw,noatime - 9p C:\\134 rw,dirsync,aname=drvfs;path=C:\\;uid=0;gid=0;symlinkroot=/mnt/,mmap,access=client,msize=262144,trans=virtio",
                "604 560 0:51 / /share rw,relatime shared:80 - cifs //fileserver/projects rw,vers=3.1.1",
                "605 560 0:52 / /nfs rw,relatime - nfs4 fileserver:/export rw,vers=4.2",
                "606 560 0:53 / /vbox rw,nodev,relatime - vboxsf projects rw",
                "607 560 0:54 /host_mnt/Users/ana/shop /other rw,relatime - ext4 /dev/vdb rw"));

        for (String path : List.of("/grpc/x", "/virtio/x", "/wsl/x", "/share/x", "/nfs/x", "/vbox/x")) {
            assertThat(auto(table, path)).as(path).isPresent();
        }
        assertThat(auto(table, "/other/x")).as("whatever its type, a folder Docker Desktop shares from the host")
                .contains("a bind mount from the Docker host, which delivers no file events (watcher.poll = false turns polling off)");
        assertThat(auto(table, "/home/ana/shop/src")).isEmpty();
    }

    @Test
    void aLinuxHostsBindMountDeliversEventsAndIsWatchedNatively() {
        MountTable table = MountTable.parse(List.of(
                "590 560 0:80 / / rw,relatime - overlay overlay rw,lowerdir=/l,upperdir=/u,workdir=/w",
                "610 590 259:2 /home/ana/shop/src /app/src ro,relatime - ext4 /dev/nvme0n1p2 rw",
                "611 590 0:31 /ana/shop /app/data rw,relatime - btrfs /dev/nvme0n1p3 rw,subvol=/home"));

        assertThat(auto(table, "/app/src/Customer.java")).isEmpty();
        assertThat(auto(table, "/app/data")).isEmpty();
    }

    @Test
    void theDeepestMountWinsAndOfTwoOnOnePointTheLaterOne() {
        MountTable table = MountTable.parse(List.of(
                "1 0 8:1 / / rw - ext4 /dev/sda1 rw",
                "2 1 0:40 / /app rw - virtiofs mount0 rw",
                "3 2 8:2 / /app/local rw - ext4 /dev/sda2 rw",
                "4 1 0:41 / /twice rw - ext4 /dev/sda3 rw",
                "5 1 0:42 / /twice rw - nfs server:/x rw"));

        assertThat(table.mountOf(Path.of("/app/local/x")).orElseThrow().type()).isEqualTo("ext4");
        assertThat(table.mountOf(Path.of("/app/other")).orElseThrow().type()).isEqualTo("virtiofs");
        assertThat(table.mountOf(Path.of("/twice/x")).orElseThrow().type()).isEqualTo("nfs");
        assertThat(table.mountOf(Path.of("/etc")).orElseThrow().mountPoint()).isEqualTo(Path.of("/"));
    }

    @Test
    void escapedSpacesInMountPointsAreReadAndOddLinesLeftOut() {
        MountTable table = MountTable.parse(List.of(
                "1 0 8:1 / / rw - ext4 /dev/sda1 rw",
                "2 1 0:98 /Users/ana/My\\040Projects/shop /My\\040Projects rw shared:1 master:2 - fuse.grpcfuse grpcfuse rw",
                "not a mountinfo line",
                "3 1 0:1 / /broken rw - "));

        Mount mount = table.mountOf(Path.of("/My Projects/shop/Customer.java")).orElseThrow();
        assertThat(mount.mountPoint()).isEqualTo(Path.of("/My Projects"));
        assertThat(mount.root()).isEqualTo("/Users/ana/My Projects/shop");
        assertThat(mount.type()).isEqualTo("fuse.grpcfuse");
        assertThat(table.mountOf(Path.of("/broken/x")).orElseThrow().mountPoint()).isEqualTo(Path.of("/"));
    }

    @Test
    void trueAndFalseDecideWhateverTheMount() {
        Optional<Mount> ext4 = Optional.of(new Mount("/", Path.of("/"), "ext4", "/dev/sda1"));
        Optional<Mount> virtiofs = Optional.of(new Mount("/", Path.of("/app"), "virtiofs", "mount0"));

        assertThat(EventlessMounts.whyPoll(PollMode.ALWAYS, ext4)).contains("watcher.poll = true");
        assertThat(EventlessMounts.whyPoll(PollMode.NEVER, virtiofs)).isEmpty();
        assertThat(EventlessMounts.whyPoll(PollMode.AUTO, Optional.empty())).as("no /proc: macOS and Windows have native events").isEmpty();
    }

    @Test
    void thisMachinesMountTableIsReadAndNamesTheMountOfTheRoot() {
        MountTable table = MountTable.ofThisProcess();

        assertThat(table.mountOf(Path.of("/tmp/anything"))).isPresent();
    }
}
