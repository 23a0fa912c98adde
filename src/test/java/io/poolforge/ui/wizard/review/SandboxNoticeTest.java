package io.poolforge.ui.wizard.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.export.ExportFormat;
import io.poolforge.export.Exporters;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Scripts exported from a sandbox session say so, after their first line, in the user's language (PF-14). */
class SandboxNoticeTest {
    private static final String NOTICE = "SANDBOX — nothing here is real Azure";

    @Test
    void scriptsSayTheyComeFromTheSandboxAndKeepTheirFirstLine() throws Exception {
        PlanCodec codec = new PlanCodec();
        var plan = codec.read(Path.of("docs/examples/vm-render-ubuntu2204-gallery.json")).plan();
        Messages en = new Messages(Locale.ENGLISH);
        Exporters exporters = new Exporters(en, "test");
        for (ExportFormat f : List.of(ExportFormat.AZ, ExportFormat.PWSH)) {
            String plain = exporters.of(f).export(PlanNames.resolveForExport(plan, codec));
            String marked = ReviewViewModel.withSandboxNotice(f, plain, en.get("export.sandboxNotice"));
            List<String> lines = marked.lines().toList();
            assertThat(lines.get(0)).as(f.name()).isEqualTo(plain.lines().findFirst().orElseThrow());
            assertThat(lines.get(1)).as(f.name()).startsWith("# " + NOTICE);
            assertThat(marked).as(f.name()).hasSize(plain.length() + lines.get(1).length() + 1);
        }
        String arm = exporters.of(ExportFormat.ARM).export(PlanNames.resolveForExport(plan, codec));
        assertThat(ReviewViewModel.withSandboxNotice(ExportFormat.ARM, arm, NOTICE)).as("JSON takes no comment").isEqualTo(arm);
        assertThat(new Messages(new Locale("es")).get("export.sandboxNotice")).startsWith("ESPACIO AISLADO");
    }
}
