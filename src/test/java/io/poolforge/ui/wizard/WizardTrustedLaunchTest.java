package io.poolforge.ui.wizard;

import static io.poolforge.ui.wizard.WizardDriver.fx;
import static io.poolforge.ui.wizard.WizardDriver.nextTo;
import static io.poolforge.ui.wizard.WizardDriver.selectVm;
import static io.poolforge.ui.wizard.WizardDriver.signInToSandbox;
import static io.poolforge.ui.wizard.WizardDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolforge.azure.sdk.SdkClients;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.sandbox.Sandbox;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * PF-16 through the real wizard (headless) against the sandbox: for vm-trusted-launch the pool step shows the security profile
 * and each size's Trusted Launch capability, refuses Standard_M64 (TrustedLaunchDisabled) before anything is created, and the
 * demo run creates a pool whose body carries securityProfile trustedLaunch with the VM's secure boot and vTPM, nodes idle.
 */
class WizardTrustedLaunchTest extends io.poolforge.ui.WindowTest {

    @SuppressWarnings("unchecked")
    private void selectSize(FxRobot robot, String name) {
        robot.interact(() -> {
            TableView<VmSkuInfo> t = robot.lookup("#pool-sizes").queryAs(TableView.class);
            t.getItems().stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(s -> t.getSelectionModel().select(s));
        });
    }

    /** The codes the pool step's finding list shows (ViolationList keeps each code as its label's user data). */
    private List<String> poolViolations(FxRobot robot) {
        return robot.lookup(n -> n.getUserData() instanceof String).queryAll().stream().map(n -> (String) n.getUserData()).toList();
    }

    @Test
    void aTrustedLaunchVmMakesATrustedLaunchPoolAndASizeWithoutItIsRefused(FxRobot robot) throws Exception {
        signInToSandbox(robot, context);
        Sandbox sandbox = context.currentSandbox().orElseThrow();
        robot.clickOn("#wizard-next");
        selectVm(robot, "vm-trusted-launch");
        assertThat(fx(() -> context.session().vm().uefiSettings().secureBootEnabled())).isTrue();
        nextTo(robot, context, "snapshot");
        nextTo(robot, context, "image");
        nextTo(robot, context, "pool");
        robot.interact(() -> robot.lookup("#pool-id").queryAs(TextField.class).setText("wizard-trusted-launch"));

        // The size list shows what Azure reports; M64 reports TrustedLaunchDisabled and is refused before anything exists.
        var before = sandbox.counts();
        selectSize(robot, "Standard_M64");
        waitFor(() -> poolViolations(robot).stream().anyMatch(v -> v.equals(RuleCode.VM_SIZE_NO_TRUSTED_LAUNCH.name())));
        assertThat(fx(() -> context.session().poolProperty().get())).isNull();
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#pool-sizes").queryAs(TableView.class).getItems()).isNotEmpty();
        assertThat(sandbox.counts()).isEqualTo(before);

        selectSize(robot, "Standard_D2s_v3");
        waitFor(() -> fx(() -> context.session().poolProperty().get()) != null);
        var plan = fx(() -> context.session().poolProperty().get());
        assertThat(plan.securityProfile()).isNotNull();
        assertThat(plan.securityProfile().securityType()).isEqualTo("trustedLaunch");
        assertThat(plan.securityProfile().secureBootEnabled()).isTrue();
        assertThat(plan.securityProfile().vTpmEnabled()).isTrue();
        assertThat(robot.lookup("#pool-security-profile").queryAs(Label.class).getText()).contains("trustedLaunch", "secure boot on", "vTPM on");

        nextTo(robot, context, "review");
        nextTo(robot, context, "create");
        robot.clickOn("#create-start");
        waitFor(() -> !robot.lookup("#create-status").queryAs(Label.class).getText().isEmpty()
                || !robot.lookup("#create-error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#create-error").queryAs(Label.class).getText()).isEmpty();

        var account = fx(() -> context.session().account());
        var connection = fx(() -> context.session().connection());
        PoolInfo pool = null;
        for (int i = 0; i < 200; i++) {
            pool = connection.batch().getPool(account, "wizard-trusted-launch").orElseThrow();
            if (pool.allocationState() == AllocationState.STEADY && pool.currentDedicatedNodes() == pool.targetDedicatedNodes()) break;
            Thread.sleep(100);
        }
        assertThat(pool.resizeErrors()).isEmpty();
        assertThat(pool.currentDedicatedNodes()).isPositive();
        JsonNode stored = SdkClients.forSandbox(sandbox.armUrl(), sandbox.tokenUrl(), sandbox.tenantId(), sandbox.certificatePath())
                .batchPools(account.subscriptionId()).get(account.id(), "wizard-trusted-launch");
        JsonNode sp = stored.at("/properties/deploymentConfiguration/virtualMachineConfiguration/securityProfile");
        assertThat(sp.path("securityType").asText()).isEqualTo("trustedLaunch");
        assertThat(sp.at("/uefiSettings/secureBootEnabled").asBoolean()).isTrue();
        assertThat(sp.at("/uefiSettings/vTpmEnabled").asBoolean()).isTrue();
        var nodes = connection.batch().computeNodes(account, "wizard-trusted-launch", null);
        for (int i = 0; i < 100 && !nodes.stream().allMatch(n -> "idle".equals(n.state())); i++) {
            Thread.sleep(100);
            nodes = connection.batch().computeNodes(account, "wizard-trusted-launch", null);
        }
        assertThat(nodes).isNotEmpty().allMatch(n -> "idle".equals(n.state()));
    }
}
