package io.poolforge.cli;

/** Exit codes of every command (docs/CLI.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int RULE_VIOLATIONS = 1;
    public static final int USAGE = 2;
    public static final int AZURE_ERROR = 3;
    public static final int INTERRUPTED = 4;

    private ExitCodes() {
    }
}
