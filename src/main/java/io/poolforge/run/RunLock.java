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
                ch.close();
                throw new PoolForgeException("run.error.locked", what, holder(file), file.toString());
            }
            String me = "pid " + ProcessHandle.current().pid() + " since " + Instant.now();
            // PF-22: the holder is written beside the lock, whole (atomic rename): a reader never sees it half-written
            // (it used to read an empty lock file between truncate and write, and showed "?").
            AtomicFiles.write(holderFile(file), me.getBytes(StandardCharsets.UTF_8));
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new RunLock(ch, l);
        } catch (IOException e) {
            throw new PoolForgeException("run.error.write", e, file.toString());
        }
    }

    static Path holderFile(Path lockFile) {
        return lockFile.resolveSibling(lockFile.getFileName() + ".holder");
    }

    /**
     * Who holds {@code file}: "pid N since T" of a live process, read from the holder file (or the lock file itself).
     * A holder that has just taken the lock may not have written it yet: read again for up to 2 s; then the words
     * "a process that is just starting" (never "?").
     */
    static Object holder(Path file) {
        for (int i = 0; i < 40; i++) {
            for (Path p : new Path[] {holderFile(file), file}) {
                String text = read(p);
                if (alive(text)) return text;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return io.poolforge.domain.LocalizedText.of("run.lock.holderStarting");
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** "pid N since T" of a process that is running now (a stale holder file of a dead process does not count). */
    private static boolean alive(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^pid (\\d+) since \\S+$").matcher(text);
        if (!m.matches()) return false;
        try {
            return ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
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
