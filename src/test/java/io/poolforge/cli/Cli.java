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
        return new Result(code, out.toString(), err.toString());
    }
}
