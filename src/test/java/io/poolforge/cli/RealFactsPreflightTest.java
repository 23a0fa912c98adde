package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.cli.Cli.Result;
import io.poolforge.plan.TestPlans;
import io.poolforge.sandbox.RequestLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PF-22: a plan that contradicts the account's real facts is refused by {@code validate --online} and by {@code run}
 * before anything is made, each with a rule code about the resource concerned and a message in English and Spanish;
 * names that are not names are refused offline. The sandbox (in this JVM, default demo scenario) serves the look-ups
 * from its state as Azure does: the account list, "Providers - Get" (Microsoft.Batch is not registered in the demo's
 * development subscription ...b2), subscriptions, VMs.
 */
class RealFactsPreflightTest extends SandboxCliTest {
    static final String SUB = "5a4db0c0-0000-4000-8000-0000000000a1";
    static final String SUB_DEV = "5a4db0c0-0000-4000-8000-0000000000b2";
    static final String STRANGER = "0f0f0f0f-1111-4222-8333-444444444444";

    private List<String> writes() {
        return RequestLogs.settled(log).stream().filter(l -> !l.split(" ")[1].equals("GET") && !l.contains("/oauth2/")).toList();
    }

    static Stream<Arguments> contradictions() {
        ObjectNode t = TestPlans.tree(TestPlans.GALLERY);
        return Stream.of(
                Arguments.of("account elsewhere", TestPlans.edit(t.deepCopy(), "/pool/batchAccount/location", "eastus"), true,
                        "BATCH_ACCOUNT_LOCATION_MISMATCH", "says the Batch account pfdemobatchweu is in eastus, but Azure has it in westeurope",
                        "pero Azure la tiene en westeurope"),
                Arguments.of("gallery where Microsoft.Batch is not registered", TestPlans.edit(t.deepCopy(), "/image/subscriptionId", SUB_DEV),
                        true, "IMAGE_BATCH_PROVIDER_NOT_REGISTERED", "Register Microsoft.Batch in subscription " + SUB_DEV, SUB_DEV),
                Arguments.of("snapshots in a subscription outside the tenant", TestPlans.edit(t.deepCopy(), "/snapshots/subscriptionId", STRANGER),
                        true, "SUBSCRIPTION_UNREACHABLE", "The subscription " + STRANGER + " that the plan names cannot be reached",
                        "No se puede acceder"),
                Arguments.of("account missing", TestPlans.edit(t.deepCopy(), "/pool/batchAccount/name", "nosuchaccount"), true,
                        "BATCH_ACCOUNT_NOT_FOUND", "The Batch account nosuchaccount does not exist in resource group rg-batch",
                        "La cuenta de Batch nosuchaccount no existe"),
                Arguments.of("VM missing", TestPlans.edit(TestPlans.edit(t.deepCopy(), "/source/vmId",
                                "/subscriptions/" + SUB + "/resourceGroups/rg-render/providers/Microsoft.Compute/virtualMachines/vm-gone"),
                                "/source/vmName", "vm-gone"), true,
                        "VM_NOT_FOUND", "The virtual machine vm-gone does not exist", "La máquina virtual vm-gone no existe"),
                Arguments.of("resource group with / and ..", TestPlans.edit(t.deepCopy(), "/snapshots/resourceGroup", "rg-images/../rg-batch"),
                        false, "NAME_RESOURCE_GROUP_INVALID", "/snapshots/resourceGroup: \"rg-images/../rg-batch\" is not a resource group name",
                        "no es un nombre de grupo de recursos"),
                Arguments.of("resource group ..", TestPlans.edit(t.deepCopy(), "/pool/batchAccount/resourceGroup", ".."),
                        false, "NAME_RESOURCE_GROUP_INVALID", "\"..\" is not a resource group name", "no es un nombre de grupo de recursos"),
                Arguments.of("account name with /../", TestPlans.edit(t.deepCopy(), "/pool/batchAccount/name", "pfdemobatchweu/../other"),
                        false, "NAME_BATCH_ACCOUNT_INVALID", "\"pfdemobatchweu/../other\" is not a Batch account name",
                        "no es un nombre de cuenta de Batch"),
                Arguments.of("VM id through ..", TestPlans.edit(t.deepCopy(), "/source/vmId",
                                "/subscriptions/" + SUB + "/resourceGroups/rg-render/providers/Microsoft.Compute/virtualMachines/.."),
                        false, "PLAN_RESOURCE_ID_INVALID", "is not the id of a Microsoft.Compute resource of type virtualMachines",
                        "no es el identificador de un recurso de Microsoft.Compute"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contradictions")
    void refusedBeforeAnythingIsMade(String name, ObjectNode plan, boolean onlineOnly, String code, String en, String es) throws Exception {
        Path file = home.resolve("plan.json");
        Files.writeString(file, plan.toString());
        Result offline = Cli.run(home, "validate", file.toString(), "--lang", "en");
        if (onlineOnly) {
            assertThat(offline.out()).as("offline cannot know").doesNotContain(code);
        } else {
            assertThat(offline.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
            assertThat(offline.out()).contains("ERROR " + code + ": ").contains(en);
        }
        Result online = Cli.run(home, "validate", file.toString(), "--online", "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(online.code()).as(online.out() + online.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(online.out()).contains("ERROR " + code + ": ").contains(en);
        Result onlineEs = Cli.run(home, "validate", file.toString(), "--online", "--sandbox-endpoints", endpoints.toString(), "--lang", "es");
        assertThat(onlineEs.out()).contains(code + ": ").contains(es);

        Result run = Cli.run(home, "run", file.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(run.err()).contains(code);
        assertThat(writes()).as("nothing made in Azure").isEmpty();
        assertThat(home.resolve("runs")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(Files.list(p).filter(d -> !d.getFileName().toString().equals(".locks")).toList()).isEmpty());
        for (Result r : List.of(offline, online, onlineEs, run)) {
            assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("(null)");
        }
    }

    @org.junit.jupiter.api.Test
    void aLinuxVmWhosePlanSaysWindowsIsBlamedOnThePlansOsTypeNotOnTheNodeAgent() throws Exception {
        ObjectNode t = TestPlans.tree(TestPlans.GALLERY);
        Path file = home.resolve("windows.json");
        Files.writeString(file, TestPlans.edit(TestPlans.edit(t, "/image/osType", "Windows"), "/source/osType", "Windows").toString());
        // Offline the VM's OS is unknown: both ways are named, the plan's osType first among the fixes.
        Result offline = Cli.run(home, "validate", file.toString(), "--lang", "en");
        assertThat(offline.out()).contains("NODE_AGENT_OS_MISMATCH: ", "the plan says the image runs Windows",
                "if it runs Linux, the plan's osType is wrong: correct source.osType and image.osType to Linux");
        // Online the VM is read: Linux. The plan is at fault, not the node agent.
        Result online = Cli.run(home, "validate", file.toString(), "--online", "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(online.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(online.out()).contains("ERROR IMAGE_OS_TYPE_MISMATCH: ", "is for Windows, but vm-render-ubuntu2204 runs Linux")
                .doesNotContain("NODE_AGENT_OS_MISMATCH").doesNotContain("WINDOWS");
    }
}
