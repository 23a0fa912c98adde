package io.poolforge.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the jar signatures from the jars of a folder: the build runs it on {@code target/lib} (pom.xml, package
 * phase) and the installer on its app image (packaging/build.sh), so both ways of starting PoolForge read unsigned
 * jars (PF-21, docs/DECISIONS.md).
 *
 * <p>Why: the JVM hashes every class it reads from a signed jar against the jar's manifest, and a class-data archive
 * leaves out every class of a signed jar. The Azure SDK's jars are signed, and the sandbox connection loads ~900 of
 * their classes. The jars' integrity was checked when Maven downloaded them (their checksums); the signature adds no
 * check to a jar that PoolForge itself lays out beside its own.
 *
 * <p>A jar without signature files is not touched (nor its time stamp). A signed one is rewritten without its
 * {@code META-INF/*.SF}, {@code *.RSA}, {@code *.DSA}, {@code *.EC} and {@code SIG-*} files, every other entry with the
 * same bytes and time, through a temporary file moved over it, so an interrupted run leaves the old jar whole.
 */
public final class JarSignatures {
    private JarSignatures() {
    }

    /** {@code java -cp target/classes io.poolforge.app.JarSignatures FOLDER...}: strips every jar of the folders. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: JarSignatures FOLDER...");
            System.exit(2);
        }
        int stripped = 0;
        for (String a : args) stripped += stripFolder(Path.of(a)).size();
        System.out.println("JarSignatures: " + stripped + " signed jar(s) made unsigned in " + String.join(", ", args));
    }

    /** Strips every signed jar of the folder; returns those it rewrote. */
    public static List<Path> stripFolder(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path j : jars) if (strip(j)) out.add(j);
        }
        return out;
    }

    /** Whether the entry name is a signature file of the jar (JAR File Specification, "Signed JAR File"). */
    static boolean isSignatureFile(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) return false;
        String f = n.substring("META-INF/".length());
        return f.endsWith(".SF") || f.endsWith(".RSA") || f.endsWith(".DSA") || f.endsWith(".EC") || f.startsWith("SIG-");
    }

    /** Rewrites the jar without its signature files if it has any; returns whether it did. */
    public static boolean strip(Path jar) throws IOException {
        Path tmp = null;
        try {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                if (!hasSignature(zip)) return false;
                tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), jar.getFileName().toString(), ".tmp");
                try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
                    copyUnsigned(zip, out);
                }
            }
            // The jar is closed before it is replaced (Windows refuses to replace an open file).
            // The jar keeps its time stamp (copy-dependencies compares it) and its permissions (a temporary file is 0600).
            FileTime time = Files.getLastModifiedTime(jar);
            java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = posix(jar);
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setLastModifiedTime(jar, time);
            if (mode != null) Files.setPosixFilePermissions(jar, mode);
            return true;
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    private static void copyUnsigned(ZipFile zip, ZipOutputStream out) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        byte[] buf = new byte[64 * 1024];
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (isSignatureFile(e.getName())) continue;
            ZipEntry copy = new ZipEntry(e.getName());
            copy.setTime(e.getTime());
            if (e.getComment() != null) copy.setComment(e.getComment());
            if (e.getExtra() != null) copy.setExtra(e.getExtra());
            out.putNextEntry(copy);
            try (InputStream in = zip.getInputStream(e)) {
                for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
            }
            out.closeEntry();
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> posix(Path f) throws IOException {
        try {
            return Files.getPosixFilePermissions(f);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static boolean hasSignature(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) if (isSignatureFile(entries.nextElement().getName())) return true;
        return false;
    }
}
