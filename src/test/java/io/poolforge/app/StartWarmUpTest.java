package io.poolforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PF-21: the first frame's classes are loaded beside the toolkit's start, from the packed class list, and only loaded. */
class StartWarmUpTest {
    /** A loader that records what it is asked for and never initialises (forName(initialize=false) is the caller's part). */
    private static final class Recording extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Recording() {
            super(StartWarmUpTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void loadsTheListUpToTheSandboxesStartSkippingDirectivesAndMissingClasses() throws Exception {
        String list = String.join("\n",
                "# a comment",
                "java/lang/String",
                "@lambda-proxy java/lang/Runnable run",
                "java/util/ArrayList id: 12",
                "io/poolforge/NoSuchClass",
                "",
                "io/poolforge/app/AppPaths",
                StartWarmUp.FIRST_FRAME_ENDS_AT,
                "io/poolforge/app/Main");
        Recording loader = new Recording();
        int loaded = StartWarmUp.load(new BufferedReader(new StringReader(list)), loader);
        assertThat(loaded).isEqualTo(3);
        assertThat(loader.asked).containsExactly("java.lang.String", "java.util.ArrayList", "io.poolforge.NoSuchClass",
                "io.poolforge.app.AppPaths");
    }

    /** The packed list (the jar's resource) reaches the marker: the first frame's part is bounded and not empty. */
    @Test
    void thePackedClassListHoldsTheFirstFramesClassesThenTheSandboxesStart() throws Exception {
        try (InputStream in = StartWarmUp.class.getResourceAsStream(DesktopRelaunch.CLASS_LIST_RESOURCE)) {
            assertThat(in).as("the class list is packed from packaging/classes.lst").isNotNull();
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            int marker = lines.indexOf(StartWarmUp.FIRST_FRAME_ENDS_AT);
            assertThat(marker).as("bench/run.sh classlist puts the sandbox's start after the first frame").isPositive();
            List<String> firstFrame = lines.subList(0, marker);
            assertThat(firstFrame).contains("io/poolforge/ui/MainWindow", "io/poolforge/ui/StartScreen", "io/poolforge/app/DesktopApp");
        }
    }

    @Test
    void offOnRequest() {
        String before = System.getProperty("poolforge.startWarmUp");
        System.setProperty("poolforge.startWarmUp", "false");
        try {
            assertThat(StartWarmUp.classes()).isNull();
            assertThat(StartWarmUp.iconFonts()).isNull();
        } finally {
            if (before == null) System.clearProperty("poolforge.startWarmUp");
            else System.setProperty("poolforge.startWarmUp", before);
        }
    }
}
