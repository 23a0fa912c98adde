package io.poolforge.export;

import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;

/** The scripts' part of the skeleton: their header (first lines, localized comments, strict mode) and their comments. */
abstract class ScriptExporter extends ChainExporter<StringBuilder> {
    protected final Messages messages;
    protected final String version;

    ScriptExporter(Messages messages, String version) {
        this.messages = messages;
        this.version = version;
    }

    /** What comes before the comments ({@code #!...}, {@code #Requires ...}). */
    protected abstract String firstLines();

    /** What comes after them (stop at the first error). */
    protected abstract String strictMode();

    @Override
    protected final StringBuilder begin(Plan p) {
        StringBuilder sb = new StringBuilder(firstLines());
        comment(sb, messages.get("export.comment.header", version, p.name() == null ? "" : p.name()));
        comment(sb, messages.get("export.comment.rerun"));
        sb.append(strictMode());
        return sb;
    }

    @Override
    protected final String end(StringBuilder sb, Plan p) {
        return sb.toString();
    }

    /** A comment line ({@code #} in bash and PowerShell alike). */
    static void comment(StringBuilder sb, String text) {
        sb.append("# ").append(Quote.comment(text)).append('\n');
    }
}
