package io.poolforge.ui.wizard.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.Fixtures;
import io.poolforge.domain.OsType;
import io.poolforge.domain.SnapshotPlan;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.domain.rules.Violation;
import io.poolforge.ui.wizard.WizardSession;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PF-18, the image step's view model: the question "was the VM generalized?" is asked unless the instance view says
 * so; unanswered, a Windows image is refused (Next stays off), answered, it is built and the plan records it.
 */
class GeneralizedQuestionTest {
    private static WizardSession session(boolean markedByAzure) {
        WizardSession s = new WizardSession(Clock.fixed(Fixtures.TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
        s.accountProperty().set(Fixtures.account());
        Fixtures.Vm vm = new Fixtures.Vm();
        vm.osType = OsType.WINDOWS;
        vm.image = Fixtures.WINDOWS_GEN2;
        vm.generalized = markedByAzure;
        s.vmProperty().set(vm.build());
        s.snapshotsProperty().set(new SnapshotPlan(vm.build().id(), Fixtures.SUB, "rg-images", "westeurope",
                Fixtures.osDisk().id(), "snap-os", List.of()));
        return s;
    }

    private static List<RuleCode> codes(List<Violation> v) {
        return v.stream().map(Violation::code).toList();
    }

    @Test
    void aWindowsVmNotMarkedGeneralizedIsAskedAndRefusedUntilConfirmed() {
        WizardSession s = session(false);
        ImageViewModel model = new ImageViewModel(s);
        model.enter();
        assertThat(model.generalizedCheckNeeded().get()).isTrue();
        assertThat(model.generalizedKnown().get()).isFalse();
        assertThat(codes(model.violations())).contains(RuleCode.IMAGE_SOURCE_NOT_SYSPREPPED);
        assertThat(s.imageProperty().get()).as("an ERROR: no image plan, Next stays off").isNull();
        assertThat(model.invalidProperty().get()).isTrue();

        model.generalizedConfirmedProperty().set(true);
        assertThat(codes(model.violations())).doesNotContain(RuleCode.IMAGE_SOURCE_NOT_SYSPREPPED);
        assertThat(s.imageProperty().get()).isNotNull();
        assertThat(s.vmForPlan().markedGeneralized()).as("the plan records the answer (source.generalized)").isTrue();
        assertThat(s.vm().markedGeneralized()).as("what Azure said is kept apart").isFalse();
    }

    @Test
    void aVmAzureReportsAsGeneralizedIsNotAsked() {
        WizardSession s = session(true);
        ImageViewModel model = new ImageViewModel(s);
        model.enter();
        assertThat(model.generalizedCheckNeeded().get()).isFalse();
        assertThat(model.generalizedKnown().get()).isTrue();
        assertThat(codes(model.violations())).doesNotContain(RuleCode.IMAGE_SOURCE_NOT_SYSPREPPED);
        assertThat(s.imageProperty().get()).isNotNull();
    }
}
