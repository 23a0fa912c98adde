package io.poolforge.run;

import io.poolforge.domain.PoolForgeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An OS file lock (one writer per run, one new run per plan): held by this process until closed, released
 * by the OS when the process dies (kill -9 included). The lock file holds who has it ("pid N since T"),
 * so a second {@code run} or {@code --resume} can say which process holds it. A second lock of the same
 * file in this JVM is refused the same way.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code file} or throws {@code run.error.locked} (what, holder).
     *
     * @param what what the lock guards, for the message (a run id, or "plan FILE")
     */
    public static RunLock acquire(Path file, String what) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.isSymbolicLink(file)) throw new PoolForgeException("run.error.write", file.toString());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = holder(file);
                ch.close();
                throw new PoolForgeException("run.error.locked", what, holder.isBlank() ? "?" : holder, file.toString());
            }
            String me = "pid " + ProcessHandle.current().pid() + " since " + Instant.now();
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new RunLock(ch, l);
        } catch (IOException e) {
            throw new PoolForgeException("run.error.write", e, file.toString());
        }
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS releases it when the process ends.
        }
    }
}
