package io.poolforge.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PF-21: target/lib's jars go unsigned (the pom runs JarSignatures at package), so archives keep the Azure SDK's classes. */
class JarSignaturesTest {
    /** azure-core as Maven serves it: signed by Microsoft. */
    private static Path signedJar() throws Exception {
        return Path.of(com.azure.core.http.HttpClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void aSignedJarLosesItsSignatureAndNothingElse(@TempDir Path dir) throws Exception {
        Path original = signedJar();
        Path jar = Files.copy(original, dir.resolve("azure-core.jar"));
        assertTrue(signers(jar, "com/azure/core/http/HttpClient.class"), "the test needs a signed jar: " + original);
        var time = Files.getLastModifiedTime(jar);
        boolean posix = jar.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) Files.setPosixFilePermissions(jar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(List.of(jar), JarSignatures.stripFolder(dir));

        List<String> before = names(original);
        List<String> after = names(jar);
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        assertFalse(removed.isEmpty());
        for (String r : removed) assertTrue(JarSignatures.isSignatureFile(r), r);
        for (String a : after) assertFalse(JarSignatures.isSignatureFile(a), a);
        assertFalse(signers(jar, "com/azure/core/http/HttpClient.class"), "the JVM still sees a signer");
        try (JarFile o = new JarFile(original.toFile()); JarFile n = new JarFile(jar.toFile())) {
            for (String name : after) {
                try (InputStream a = o.getInputStream(o.getEntry(name)); InputStream b = n.getInputStream(n.getEntry(name))) {
                    assertArrayEquals(a.readAllBytes(), b.readAllBytes(), name);
                }
            }
            assertNotNull(n.getManifest().getMainAttributes());
        }
        assertEquals(time, Files.getLastModifiedTime(jar), "the time stamp stays (copy-dependencies compares it)");
        if (posix) assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(jar)));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(jar), left.toList(), "no temporary file is left");
        }
    }

    @Test
    void anUnsignedJarIsNotTouched(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(signedJar(), dir.resolve("a.jar"));
        JarSignatures.strip(jar);
        byte[] once = Files.readAllBytes(jar);
        var time = Files.getLastModifiedTime(jar);
        assertFalse(JarSignatures.strip(jar));
        assertArrayEquals(once, Files.readAllBytes(jar));
        assertEquals(time, Files.getLastModifiedTime(jar));
        assertEquals(List.of(), JarSignatures.stripFolder(dir));
    }

    @Test
    void signatureFilesAreThoseOfTheJarSpecification() {
        for (String s : List.of("META-INF/MSFTSIG.SF", "META-INF/MSFTSIG.RSA", "META-INF/A.DSA", "META-INF/a.ec", "META-INF/SIG-X"))
            assertTrue(JarSignatures.isSignatureFile(s), s);
        for (String s : List.of("META-INF/MANIFEST.MF", "META-INF/services/x.SF", "a/META-INF/X.RSA", "X.SF", "META-INF/versions/9/A.RSA"))
            assertFalse(JarSignatures.isSignatureFile(s), s);
    }

    private static List<String> names(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return Collections.list(j.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    /** Whether the JVM's verifying JarFile reports a signer for the entry (read whole, as the class loader does). */
    private static boolean signers(Path jar, String entry) throws IOException {
        try (JarFile j = new JarFile(jar.toFile(), true)) {
            JarEntry e = j.getJarEntry(entry);
            assertNotNull(e, entry);
            try (InputStream in = j.getInputStream(e)) {
                in.readAllBytes();
            }
            return e.getCodeSigners() != null;
        }
    }
}
