package io.poolforge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs a {@code poolforge} command in this JVM with a PoolForge folder of the test's, as a user would type it. */
final class Cli {
    private Cli() {
    }

    record Result(int code, String out, String err) {
    }

    /**
     * Every output of every command run through this class in this JVM (PF-22): {@link UserWordsTest} scans them for
     * exception names, "(null)" and enum constants.
     */
    static final java.util.List<String[]> CAPTURED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The command's exit code, standard output and standard error; the desktop must not open. */
    static Result run(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand(() -> {
            throw new AssertionError("the desktop must not open");
        }, home));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        CAPTURED.add(new String[] {String.join(" ", args), out.toString(), err.toString()});
        return new Result(code, out.toString(), err.toString());
    }
}
