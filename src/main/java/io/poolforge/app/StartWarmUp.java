package io.poolforge.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Work the first frame needs, done beside it on the second core (PF-21 fourth pass, docs/BENCHMARKS.md).
 *
 * <ul>
 *   <li>{@link #classes}: while the JavaFX toolkit starts (its own thread; the launcher thread only waits), a daemon
 *   thread loads, without initialising, the classes the first frame uses, in the order the class list
 *   {@code packaging/classes.lst} has them (the demo flow's load order, packed into the jar), up to the first class
 *   of the first-run sandbox's start ({@link #FIRST_FRAME_ENDS_AT}). The FX thread then finds them loaded. A class
 *   that is missing or fails is skipped: this only moves work, it decides nothing.</li>
 *   <li>{@link #iconFonts}: Ikonli's resolver loads the icon fonts in its static initialiser (Font.loadFont of each
 *   pack); started from {@code init()}, once the toolkit runs, it overlaps the application context's construction.</li>
 * </ul>
 * Off with {@code -Dpoolforge.startWarmUp=false}, and on a single core (there it would only compete).
 */
public final class StartWarmUp {
    /** The first class of the first-run sandbox's start, which comes after the first frame (DesktopApp.afterFirstFrame). */
    static final String FIRST_FRAME_ENDS_AT = "io/poolforge/sandbox/http/CertificateMaker";

    private StartWarmUp() {
    }

    static boolean enabled() {
        return !"false".equals(System.getProperty("poolforge.startWarmUp")) && Runtime.getRuntime().availableProcessors() >= 2;
    }

    /** Starts loading the first frame's classes on a daemon thread; returns it, or null when off. */
    public static Thread classes() {
        if (!enabled()) return null;
        ClassLoader loader = StartWarmUp.class.getClassLoader();
        return daemon("poolforge-class-warm-up", () -> {
            try (InputStream in = StartWarmUp.class.getResourceAsStream(DesktopRelaunch.CLASS_LIST_RESOURCE)) {
                if (in != null) load(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), loader);
            } catch (IOException e) {
                // No list: nothing is moved.
            }
        });
    }

    /** Loads (not initialises) the named classes up to {@link #FIRST_FRAME_ENDS_AT}; returns how many it loaded. */
    static int load(BufferedReader list, ClassLoader loader) throws IOException {
        int n = 0;
        for (String line; (line = list.readLine()) != null; ) {
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '@') continue;
            int space = line.indexOf(' ');
            String name = space < 0 ? line : line.substring(0, space);
            if (name.equals(FIRST_FRAME_ENDS_AT)) break;
            try {
                Class.forName(name.replace('/', '.'), false, loader);
                n++;
            } catch (ClassNotFoundException | LinkageError e) {
                // Not on this path (a class of the benchmarks' list, another JDK's): skipped.
            }
        }
        return n;
    }

    /** Starts loading the icon fonts (Ikonli's resolver) on a daemon thread; the toolkit must be running. */
    public static Thread iconFonts() {
        if (!enabled()) return null;
        ClassLoader loader = StartWarmUp.class.getClassLoader();
        return daemon("poolforge-font-warm-up", () -> {
            try {
                Class.forName("org.kordamp.ikonli.javafx.IkonResolver", true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // The FX thread loads them when the first icon is made, as before.
            }
        });
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
