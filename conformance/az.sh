#!/usr/bin/env bash
# PoolForge conformance harness: the real Azure CLI (az, any 2.4x; written against Debian's azure-cli 2.45) against
# `poolforge sandbox`. Starts the sandbox, registers it as a cloud, signs in with a service principal, runs the az
# commands a user would, then the exports (az script, ARM template, pool JSON) twice each, and prints a pass/fail table.
#
#   conformance/az.sh [--jar target/poolforge.jar]        exit 0 when every check it ran passed, 3 when az is missing
#   POOLFORGE_CLASSPATH=... conformance/az.sh              runs PoolForge from that class path instead of the jar (tests)
#
# The workarounds for az 2.45 live here, never in the sandbox's answers: an isolated AZURE_CONFIG_DIR, the sandbox's
# certificate in REQUESTS_CA_BUNDLE, and a sitecustomize.py on this harness's PYTHONPATH that (1) switches off MSAL's
# instance discovery (az >= 2.51 has `core.instance_discovery=false`) and (2) points az 2.45's compute API profile at
# 2022-08-01 (its "latest" profile asks for 2022-11-01, which Debian's packaged SDK does not ship).
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
JAR="$ROOT/target/poolforge.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR="$2"; shift 2 ;;
    *) echo "usage: $0 [--jar FILE]" >&2; exit 2 ;;
  esac
done
REAL_AZ="$(command -v az || true)"
if [ -z "$REAL_AZ" ]; then echo "SKIPPED: az (Azure CLI) is not on the PATH" >&2; exit 3; fi
if [ -n "${POOLFORGE_CLASSPATH:-}" ]; then
  PF_MAIN=(-cp "$POOLFORGE_CLASSPATH" io.poolforge.app.Main)
else
  [ -f "$JAR" ] || { echo "no $JAR (mvn -B package -DskipTests)" >&2; exit 2; }
  PF_MAIN=(-jar "$JAR")
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/poolforge-az.XXXXXX")"
SB_PID=""
cleanup() { [ -n "$SB_PID" ] && kill "$SB_PID" 2>/dev/null; wait "$SB_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$WORK/home" "$WORK/az" "$WORK/py" "$WORK/bin" "$WORK/out"
PF=(java -Duser.home="$WORK/home" -Dpoolforge.home="$WORK/home/.poolforge" "${PF_MAIN[@]}")

"${PF[@]}" sandbox --time-scale 0 --cert-dir "$WORK" > "$WORK/sandbox.out" 2> "$WORK/sandbox.log" &
SB_PID=$!
for _ in $(seq 150); do [ -s "$WORK/sandbox.out" ] && break; sleep 0.2; done
[ -s "$WORK/sandbox.out" ] || { echo "the sandbox did not start:" >&2; cat "$WORK/sandbox.log" >&2; exit 2; }
jget() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval("d"+sys.argv[2]))' "$WORK/sandbox.out" "$1"; }
ARM="$(jget '["arm"]')"; ARM="${ARM%/}"
TENANT="$(jget '["tenantId"]')"
SUB="$(jget '["subscriptions"][0]')"
PEM="$(jget '["certificate"]')"

cat > "$WORK/py/sitecustomize.py" <<'PY'
try:
    import msal.authority as _a
    _orig = _a.Authority.__init__
    def _init(self, authority_url, http_client, validate_authority=True, instance_discovery=None):
        _orig(self, authority_url, http_client, validate_authority=False, instance_discovery=False)
    _a.Authority.__init__ = _init
    from azure.cli.core.profiles import _shared as _s
    _p = _s.AZURE_API_PROFILES['latest'][_s.ResourceType.MGMT_COMPUTE].profile
    if not __import__('importlib').util.find_spec('azure.mgmt.compute.v2022_11_01'):
        for _k, _v in list(_p.items()):
            if _v == '2022-11-01':
                _p[_k] = '2022-08-01'
except ImportError:
    pass
PY
# Every az call (the checks' and the exported scripts') goes through this wrapper, which counts it.
cat > "$WORK/bin/az" <<SH
#!/usr/bin/env bash
echo "\$*" >> "$WORK/az-calls.log"
PYTHONPATH="$WORK/py\${PYTHONPATH:+:\$PYTHONPATH}" exec "$REAL_AZ" "\$@"
SH
chmod +x "$WORK/bin/az"
export PATH="$WORK/bin:$PATH" AZURE_CONFIG_DIR="$WORK/az" REQUESTS_CA_BUNDLE="$PEM" AZURE_CORE_COLLECT_TELEMETRY=false \
  AZURE_CORE_ONLY_SHOW_ERRORS=true AZURE_CORE_NO_COLOR=true

N=0; PASS=0; FAIL=0; PENDING=0
ROWS="$WORK/rows"
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$ROWS"; }
# check NAME EXPECT CMD...   EXPECT: ok | fail:TEXT (must fail, output contains TEXT) | out:TEXT (succeeds, output contains TEXT)
check() {
  local name="$1" expect="$2"; shift 2
  N=$((N + 1))
  local out="$WORK/out/$N"
  "$@" > "$out" 2>&1
  local rc=$? verdict=FAIL why=""
  case "$expect" in
    ok) [ $rc -eq 0 ] && verdict=PASS || why="exit $rc" ;;
    out:*) if [ $rc -eq 0 ] && grep -qF -- "${expect#out:}" "$out"; then verdict=PASS; else why="exit $rc, wanted '${expect#out:}'"; fi ;;
    fail:*) if [ $rc -ne 0 ] && grep -qF -- "${expect#fail:}" "$out"; then verdict=PASS; else why="exit $rc, wanted failure '${expect#fail:}'"; fi ;;
  esac
  if [ $verdict = FAIL ] && grep -q "No route for the request path" "$out" && [ -n "${PENDING_REASON:-}" ]; then
    verdict=PENDING; why="$PENDING_REASON"; PENDING=$((PENDING + 1))
  elif [ $verdict = PASS ]; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); why="$why: $(tr '\n' ' ' < "$out" | cut -c1-160)"; fi
  row "$N" "$name" "$verdict" "$why"
}
# A fingerprint of the sandbox's state: resource counts and the fields a re-run must not change.
fingerprint() {
  local token; token="$(az account get-access-token --query accessToken -o tsv)"
  python3 - "$ARM" "$token" "$PEM" "$@" <<'PY'
import json, ssl, sys, urllib.request
arm, token, pem, ids = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
ctx = ssl.create_default_context(cafile=pem)
def get(path):
    req = urllib.request.Request(arm + path, headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(req, context=ctx) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        return {"status": e.code}
out = {"counts": get("/sandbox/state")["counts"]}
for i in ids:
    v = "2024-07-01" if "Microsoft.Batch" in i else "2023-07-03" if "galleries" in i else "2023-10-02"
    d = get(i + "?api-version=" + v); p = d.get("properties", {})
    out[i] = {k: p.get(k) for k in ("timeCreated", "creationTime", "allocationState", "currentDedicatedNodes",
              "scaleSettings", "resizeOperationStatus", "provisioningState", "identifier", "storageProfile")}
    out[i]["publishedDate"] = p.get("publishingProfile", {}).get("publishedDate")
    out[i]["status"] = d.get("status")
print(json.dumps(out, sort_keys=True))
PY
}
same_state() { [ "$(cat "$1")" = "$(cat "$2")" ]; }

RG_IMG=rg-images; RG_RENDER=rg-render; RG_BATCH=rg-batch; ACCOUNT=pfdemobatchweu; RG_CONF=rg-pfconformance
VERSION_ID="/subscriptions/$SUB/resourceGroups/$RG_IMG/providers/Microsoft.Compute/galleries/gal_pf_images/images/ubuntu2204-render/versions/1.0.0"
ACCOUNT_ID="/subscriptions/$SUB/resourceGroups/$RG_BATCH/providers/Microsoft.Batch/batchAccounts/$ACCOUNT"

# --- cloud, sign-in, account -------------------------------------------------------------------------------------
check "cloud register (metadata/endpoints)" ok az cloud register -n PoolForgeSandbox \
  --cloud-config "{\"endpoints\":{\"resourceManager\":\"$ARM/\",\"batchResourceId\":\"https://batch.core.windows.net/\"}}"
check "cloud set" ok az cloud set -n PoolForgeSandbox
check "cloud show: login endpoint discovered" "out:$ARM" az cloud show -n PoolForgeSandbox --query endpoints.activeDirectory -o tsv
check "login --service-principal" "out:$SUB" az login --service-principal -u pf-conformance -p sandbox --tenant "$TENANT"
check "account set" ok az account set -s "$SUB"
check "account show" "out:$TENANT" az account show --query tenantId -o tsv
check "account list" "out:$SUB" az account list --query "[].id" -o tsv
check "account get-access-token (ARM)" "out:Bearer" az account get-access-token --query tokenType -o tsv
check "account get-access-token (Batch)" "out:Bearer" az account get-access-token --resource https://batch.core.windows.net/ --query tokenType -o tsv
check "group list" "out:$RG_RENDER" az group list --query "[].name" -o tsv
check "group show" "out:westeurope" az group show -n "$RG_RENDER" --query location -o tsv
check "group exists (yes)" "out:true" az group exists -n "$RG_RENDER"
check "group exists (no)" "out:false" az group exists -n rg-nothing-here
check "group create" "out:Succeeded" az group create -n "$RG_CONF" -l westeurope --query properties.provisioningState -o tsv
check "provider show Microsoft.Batch: resource types" "out:batchAccounts/pools" az provider show -n Microsoft.Batch --query "resourceTypes[].resourceType" -o tsv
check "provider list" "out:Microsoft.Compute" az provider list --query "[].namespace" -o tsv
check "provider register Microsoft.Batch" ok az provider register -n Microsoft.Batch
check "provider show: unknown namespace" "fail:InvalidResourceNamespace" az provider show -n Microsoft.Nothing

# --- compute ------------------------------------------------------------------------------------------------------
check "vm list" "out:vm-render-ubuntu2204" az vm list --query "[].name" -o tsv
check "vm list -g" "out:vm-render-ubuntu2204" az vm list -g "$RG_RENDER" --query "[].name" -o tsv
check "vm show" "out:vm-render-ubuntu2204" az vm show -g "$RG_RENDER" -n vm-render-ubuntu2204 --query name -o tsv
OS_DISK="$(az vm show -g "$RG_RENDER" -n vm-render-ubuntu2204 --query storageProfile.osDisk.managedDisk.id -o tsv 2>/dev/null)"
check "vm show: not found" "fail:ResourceNotFound" az vm show -g "$RG_RENDER" -n vm-nothing-here
# PF-16 second pass: Marketplace images as Compute lists them ("latest" = the newest version), generation as reported.
check "vm image show: ubuntu-24_04-lts server reports V2" "out:V2" az vm image show -l westeurope --urn canonical:ubuntu-24_04-lts:server:latest --query hyperVGeneration -o tsv
check "vm image show: server-gen1 reports V1" "out:V1" az vm image show -l westeurope --urn canonical:ubuntu-24_04-lts:server-gen1:latest --query hyperVGeneration -o tsv
check "vm image show: a version by name" "out:24.04.202410160" az vm image show -l westeurope --urn canonical:ubuntu-24_04-lts:server:24.04.202410160 --query name -o tsv
check "vm image show: unknown SKU" "fail:NotFound" az vm image show -l westeurope --urn canonical:ubuntu-24_04-lts:nothing-here:latest
PENDING_REASON="PF-8 adds Microsoft.Compute/locations/{region}/usages (passes once merged)" \
  check "vm list-usage" "out:Total Regional vCPUs" az vm list-usage -l westeurope -o tsv --query "[].localName"
check "disk list" "out:vm-render-ubuntu2204_OsDisk" az disk list --query "[].name" -o tsv
check "disk show --ids" "out:Linux" az disk show --ids "$OS_DISK" --query osType -o tsv
check "snapshot list" ok az snapshot list -o none
check "snapshot create (Copy of the OS disk)" "out:Succeeded" az snapshot create -g "$RG_CONF" -n snap-conf-os --source "$OS_DISK" --query provisioningState -o tsv
SNAP_ID="/subscriptions/$SUB/resourceGroups/$RG_CONF/providers/Microsoft.Compute/snapshots/snap-conf-os"
check "snapshot show" "out:Copy" az snapshot show -g "$RG_CONF" -n snap-conf-os --query creationData.createOption -o tsv
check "image list" ok az image list -o none
check "image create (managed image from the snapshot)" "out:Succeeded" az image create -g "$RG_CONF" -n img-conf --source "$SNAP_ID" --os-type Linux --hyper-v-generation V2 --query provisioningState -o tsv
check "image show" "out:img-conf" az image show -g "$RG_CONF" -n img-conf --query name -o tsv
check "sig list" "out:gal_pf_images" az sig list --query "[].name" -o tsv
check "sig show" "out:gal_pf_images" az sig show -g "$RG_IMG" -r gal_pf_images --query name -o tsv
# PF-17: management locks (Microsoft.Authorization/locks), the API PoolForge's diagnoses read; a ReadOnly lock is removed at once.
check "lock create (ReadOnly on a gallery)" "out:ReadOnly" az lock create -n conf-lock -t ReadOnly -g "$RG_IMG" --resource-type Microsoft.Compute/galleries --resource gal_pf_images --query level -o tsv
check "lock list -g (a lock below the group)" "out:conf-lock" az lock list -g "$RG_IMG" --query "[].name" -o tsv
check "lock list --resource" "out:conf-lock" az lock list -g "$RG_IMG" --resource-type Microsoft.Compute/galleries --resource gal_pf_images --query "[].name" -o tsv
check "lock show" "out:ReadOnly" az lock show -n conf-lock -g "$RG_IMG" --resource-type Microsoft.Compute/galleries --resource gal_pf_images --query level -o tsv
check "lock delete" ok az lock delete -n conf-lock -g "$RG_IMG" --resource-type Microsoft.Compute/galleries --resource gal_pf_images
check "sig create" "out:Succeeded" az sig create -g "$RG_CONF" -r gal_conf --query provisioningState -o tsv
check "sig image-definition create" "out:Generalized" az sig image-definition create -g "$RG_CONF" -r gal_conf -i conf-def \
  --publisher PoolForgeConformance --offer conf --sku gen2 --os-type Linux --os-state Generalized --hyper-v-generation V2 --query osState -o tsv
check "sig image-definition list" "out:conf-def" az sig image-definition list -g "$RG_CONF" -r gal_conf --query "[].name" -o tsv
check "sig image-definition show" "out:PoolForgeConformance" az sig image-definition show -g "$RG_CONF" -r gal_conf -i conf-def --query identifier.publisher -o tsv
check "sig image-version create (from the snapshot)" "out:Succeeded" az sig image-version create -g "$RG_CONF" -r gal_conf -i conf-def -e 1.0.0 \
  --os-snapshot "$SNAP_ID" --target-regions westeurope=1 --query provisioningState -o tsv
CONF_VERSION="/subscriptions/$SUB/resourceGroups/$RG_CONF/providers/Microsoft.Compute/galleries/gal_conf/images/conf-def/versions/1.0.0"
check "sig image-version list" "out:1.0.0" az sig image-version list -g "$RG_CONF" -r gal_conf -i conf-def --query "[].name" -o tsv
check "sig image-version show --expand ReplicationStatus" "out:Completed" az sig image-version show -g "$RG_CONF" -r gal_conf -i conf-def -e 1.0.0 \
  --expand ReplicationStatus --query replicationStatus.aggregatedState -o tsv
check "sig image-version create: source in another region" "fail:region" az sig image-version create -g "$RG_CONF" -r gal_conf -i conf-def -e 1.0.1 \
  --os-snapshot "$SNAP_ID" --location eastus --target-regions eastus=1

# --- generic resource access ------------------------------------------------------------------------------------
check "resource show --ids (gallery)" "out:Microsoft.Compute/galleries" az resource show --ids "/subscriptions/$SUB/resourceGroups/$RG_CONF/providers/Microsoft.Compute/galleries/gal_conf" --query type -o tsv
check "resource show --ids (batch account)" "out:BatchService" az resource show --ids "$ACCOUNT_ID" --query properties.poolAllocationMode -o tsv
check "resource list -g" "out:gal_conf" az resource list -g "$RG_CONF" --query "[].name" -o tsv
check "resource list --resource-type" "out:snap-conf-os" az resource list --resource-type Microsoft.Compute/snapshots --query "[].name" -o tsv
check "rest GET (ARM, by id)" "out:snap-conf-os" az rest --method get --url "$SNAP_ID?api-version=2023-10-02" --query name -o tsv
check "rest GET //metadata/endpoints (no token needed)" "out:$ARM" az rest --method get --skip-authorization-header --url "$ARM//metadata/endpoints?api-version=2022-09-01" --query "[0].resourceManager" -o tsv

# --- batch (management plane) ---------------------------------------------------------------------------------------
check "batch account list" "out:$ACCOUNT" az batch account list --query "[].name" -o tsv
check "batch account show" "out:AAD" az batch account show -g "$RG_BATCH" -n "$ACCOUNT" --query "allowedAuthenticationModes" -o tsv
check "batch location quotas show" "out:3" az batch location quotas show -l westeurope --query accountQuota -o tsv
check "batch location list-skus" "out:Standard_D2s_v3" az batch location list-skus -l westeurope --query "[].name" -o tsv
check "batch account login (Entra ID)" ok az batch account login -g "$RG_BATCH" -n "$ACCOUNT"

# --- batch (data plane) -------------------------------------------------------------------------------------------
check "batch pool supported-images list" "out:batch.node.ubuntu 22.04" az batch pool supported-images list --query "[].nodeAgentSkuId" -o tsv
check "batch pool list" "out:render-gallery" az batch pool list --query "[].id" -o tsv
check "batch pool list --filter id eq" "out:1" az batch pool list --filter "id eq 'render-gallery'" --query "length(@)"
check "batch pool list --filter state and allocationState" "out:render-gallery" az batch pool list --filter "state eq 'active' and allocationState eq 'steady'" --query "[].id" -o tsv
check "batch pool list --filter unsupported property: 400" 'fail:QueryParameterName: $filter' az batch pool list --filter "bogus eq 1"
check "batch pool list --select" "out:render-gallery" az batch pool list --select "id,state" --query "[].id" -o tsv
check "batch pool show: image is virtualMachineImageId" "out:$VERSION_ID" az batch pool show --pool-id render-gallery --query virtualMachineConfiguration.imageReference.virtualMachineImageId -o tsv
check "batch pool create (flags, gallery image)" ok az batch pool create --id conf-flags --vm-size Standard_D2s_v3 --image "$CONF_VERSION" \
  --node-agent-sku-id "batch.node.ubuntu 22.04" --target-dedicated-nodes 1
check "batch pool show: created from the data plane" "out:$CONF_VERSION" az batch pool show --pool-id conf-flags --query virtualMachineConfiguration.imageReference.virtualMachineImageId -o tsv
check "rest GET management plane: same pool" "out:$CONF_VERSION" az rest --method get --url "$ACCOUNT_ID/pools/conf-flags?api-version=2024-07-01" \
  --query properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.id -o tsv
check "batch pool create: same id again (409)" "fail:already exists" az batch pool create --id CONF-FLAGS --vm-size Standard_D2s_v3 --image "$CONF_VERSION" --node-agent-sku-id "batch.node.ubuntu 22.04"
check "batch pool create: retired managed image (400)" "fail:retired" az batch pool create --id conf-managed --vm-size Standard_D2s_v3 \
  --image "/subscriptions/$SUB/resourceGroups/$RG_CONF/providers/Microsoft.Compute/images/img-conf" --node-agent-sku-id "batch.node.ubuntu 22.04"
check "batch pool create: unknown node agent SKU (400)" "fail:nodeAgentSkuId" az batch pool create --id conf-agent --vm-size Standard_D2s_v3 --image "$CONF_VERSION" --node-agent-sku-id "batch.node.nothing 1"
check "batch pool resize" ok az batch pool resize --pool-id conf-flags --target-dedicated-nodes 2
check "batch pool show: resized" "out:2" az batch pool show --pool-id conf-flags --query currentDedicatedNodes
check "batch pool resize --abort" ok az batch pool resize --pool-id conf-flags --abort
check "batch pool set --metadata (patch)" ok az batch pool set --pool-id conf-flags --metadata owner=conformance
check "batch pool show: metadata" "out:conformance" az batch pool show --pool-id conf-flags --query "metadata[0].value" -o tsv
check "batch pool reset (update properties)" ok az batch pool reset --pool-id conf-flags --start-task-command-line "/bin/true"
check "batch pool show: start task" "out:/bin/true" az batch pool show --pool-id conf-flags --query startTask.commandLine -o tsv
check "batch node list" "out:idle" az batch node list --pool-id conf-flags --query "[].state" -o tsv
check "batch node list --filter state eq idle" "out:2" az batch node list --pool-id conf-flags --filter "state eq 'idle'" --query "length(@)"
check "batch node list --filter state eq running" "out:0" az batch node list --pool-id conf-flags --filter "state eq 'running'" --query "length(@)"
NODE="$(az batch node list --pool-id conf-flags --query "[0].id" -o tsv 2>/dev/null)"
check "batch node show" "out:$NODE" az batch node show --pool-id conf-flags --node-id "$NODE" --query id -o tsv
check "batch pool node-counts list --filter poolId" "out:2" az batch pool node-counts list --filter "poolId eq 'conf-flags'" --query "[0].dedicated.idle"
check "batch pool delete" ok az batch pool delete --pool-id conf-flags --yes
check "batch pool show: deleted" "fail:does not exist" az batch pool show --pool-id conf-flags

# --- exports ------------------------------------------------------------------------------------------------------
plan_variant() { # NAME SUFFIX: the example plan with names of its own, so each export makes a whole chain
  python3 - "$ROOT/docs/examples/vm-render-ubuntu2204-gallery.json" "$1" "$2" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); s = sys.argv[3]
p.pop("$schema", None)
p["snapshots"]["osDisk"]["snapshotName"] = "snap-conf-" + s + "-os"
p["image"]["gallery"]["name"] = "gal_conf_" + s
p["image"]["gallery"]["imageDefinition"] = "conf-" + s
p["pool"]["poolId"] = "conf-" + s
json.dump(p, open(sys.argv[2], "w"), indent=2)
PY
}
export_plan() { "${PF[@]}" export "$1" --format "$2" --out "$3"; }
chain() { # SUFFIX: ids of the chain's resources
  echo "/subscriptions/$SUB/resourceGroups/$RG_IMG/providers/Microsoft.Compute/snapshots/snap-conf-$1-os"
  echo "/subscriptions/$SUB/resourceGroups/$RG_IMG/providers/Microsoft.Compute/galleries/gal_conf_$1/images/conf-$1/versions/1.0.0"
  echo "$ACCOUNT_ID/pools/conf-$1"
}

plan_variant "$WORK/plan-az.json" az
check "export az script" ok export_plan "$WORK/plan-az.json" az "$WORK/export.sh"
check "az script: first run creates snapshot, gallery, image, pool" ok bash "$WORK/export.sh"
check "az script: the pool exists, from the image" "out:gal_conf_az/images/conf-az/versions/1.0.0" az batch pool show --pool-id conf-az --query virtualMachineConfiguration.imageReference.virtualMachineImageId -o tsv
# PF-19: the example's pool is made with one node, proved, then resized to its 2 nodes (management plane, PATCH of scaleSettings)
check "az script (first node): the pool reached the plan's 2 nodes" "out:2" az rest --method get --url "$ACCOUNT_ID/pools/conf-az?api-version=2025-06-01" --query properties.scaleSettings.fixedScale.targetDedicatedNodes -o tsv
check "az script (first node): resized by az rest PATCH after the first node" "out:targetDedicatedNodes" grep -F -m1 "rest --method patch --url $ACCOUNT_ID/pools/conf-az?api-version=2025-06-01" "$WORK/az-calls.log"
fingerprint $(chain az) > "$WORK/fp-az-1"
check "az script: second run" ok bash "$WORK/export.sh"
fingerprint $(chain az) > "$WORK/fp-az-2"
check "az script: second run changed nothing" ok same_state "$WORK/fp-az-1" "$WORK/fp-az-2"

plan_variant "$WORK/plan-arm.json" arm
check "export ARM template" ok export_plan "$WORK/plan-arm.json" arm "$WORK/export-arm.json"
check "deployment group validate" "out:Succeeded" az deployment group validate -g "$RG_IMG" -n pf-conf-arm --template-file "$WORK/export-arm.json" --query properties.provisioningState -o tsv
check "deployment group create: first run" "out:Succeeded" az deployment group create -g "$RG_IMG" -n pf-conf-arm --template-file "$WORK/export-arm.json" --query properties.provisioningState -o tsv
check "ARM template: the pool exists, from the image" "out:gal_conf_arm/images/conf-arm/versions/1.0.0" az batch pool show --pool-id conf-arm --query virtualMachineConfiguration.imageReference.virtualMachineImageId -o tsv
check "deployment group show" "out:Succeeded" az deployment group show -g "$RG_IMG" -n pf-conf-arm --query properties.provisioningState -o tsv
check "deployment operation group list" "out:Microsoft.Compute/snapshots" az deployment operation group list -g "$RG_IMG" -n pf-conf-arm --query "[].properties.targetResource.resourceType" -o tsv
check "deployment group list" "out:pf-conf-arm" az deployment group list -g "$RG_IMG" --query "[].name" -o tsv
fingerprint $(chain arm) > "$WORK/fp-arm-1"
check "deployment group create: second run" "out:Succeeded" az deployment group create -g "$RG_IMG" -n pf-conf-arm --template-file "$WORK/export-arm.json" --query properties.provisioningState -o tsv
fingerprint $(chain arm) > "$WORK/fp-arm-2"
check "ARM template: second run changed nothing" ok same_state "$WORK/fp-arm-1" "$WORK/fp-arm-2"
check "deployment group create: a rule fails it the ARM way" "fail:DeploymentFailed" az deployment group create -g "$RG_IMG" -n pf-conf-bad \
  --template-file "$WORK/export-arm.json" --parameters nodeAgentSkuId="batch.node.nothing 1" poolId=conf-bad
cat > "$WORK/bad-template.json" <<'JSON'
{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
 "resources": [{"type": "Microsoft.Compute/galleries", "apiVersion": "2022-03-03", "name": "[nothingLikeThis()]", "location": "westeurope"}]}
JSON
check "deployment group validate: an unknown template function (400)" "fail:InvalidTemplate" az deployment group validate -g "$RG_IMG" \
  --template-file "$WORK/bad-template.json"

# pool JSON: the pool on the az script's image (the image chain is the az script's), once per plane
plan_variant "$WORK/plan-json.json" az
python3 - "$WORK/plan-json.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["pool"]["poolId"] = "conf-json"; json.dump(p, open(sys.argv[1], "w"), indent=2)
PY
check "export batch-pool-json" ok export_plan "$WORK/plan-json.json" batch-pool-json "$WORK/pool-batch.json"
check "batch pool create --json-file: first run" ok az batch pool create --json-file "$WORK/pool-batch.json"
check "pool JSON (data plane): the pool exists, from the image" "out:gal_conf_az/images/conf-az/versions/1.0.0" az batch pool show --pool-id conf-json --query virtualMachineConfiguration.imageReference.virtualMachineImageId -o tsv
fingerprint "$ACCOUNT_ID/pools/conf-json" > "$WORK/fp-json-1"
check "batch pool create --json-file: second run refused (409), nothing created" "fail:already exists" az batch pool create --json-file "$WORK/pool-batch.json"
fingerprint "$ACCOUNT_ID/pools/conf-json" > "$WORK/fp-json-2"
check "pool JSON (data plane): second run changed nothing" ok same_state "$WORK/fp-json-1" "$WORK/fp-json-2"
python3 - "$WORK/plan-json.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["pool"]["poolId"] = "conf-rest"; json.dump(p, open(sys.argv[1], "w"), indent=2)
PY
check "export pool-json" ok export_plan "$WORK/plan-json.json" pool-json "$WORK/pool-mgmt.json"
check "rest PUT pool-json: first run" "out:Succeeded" az rest --method put --url "$ACCOUNT_ID/pools/conf-rest?api-version=2025-06-01" --body "@$WORK/pool-mgmt.json" --query properties.provisioningState -o tsv
check "pool JSON (management plane): the pool exists, from the image" "out:gal_conf_az/images/conf-az/versions/1.0.0" az batch pool show --pool-id conf-rest --query virtualMachineConfiguration.imageReference.virtualMachineImageId -o tsv
fingerprint "$ACCOUNT_ID/pools/conf-rest" > "$WORK/fp-rest-1"
check "rest PUT pool-json: second run" "out:Succeeded" az rest --method put --url "$ACCOUNT_ID/pools/conf-rest?api-version=2025-06-01" --body "@$WORK/pool-mgmt.json" --query properties.provisioningState -o tsv
fingerprint "$ACCOUNT_ID/pools/conf-rest" > "$WORK/fp-rest-2"
check "pool JSON (management plane): second run changed nothing" ok same_state "$WORK/fp-rest-1" "$WORK/fp-rest-2"

# --- PF-15: a Marketplace pool (the shipped example), by the az script, the ARM template and both pool JSONs ---------
market_variant() { # NAME SUFFIX: the Marketplace example with a pool id of its own
  python3 - "$ROOT/docs/examples/marketplace-ubuntu2204.json" "$1" "$2" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p.pop("$schema", None); p["pool"]["poolId"] = "conf-mkt-" + sys.argv[3]
json.dump(p, open(sys.argv[2], "w"), indent=2)
PY
}
market_variant "$WORK/plan-mkt-az.json" az
check "export az script (Marketplace)" ok export_plan "$WORK/plan-mkt-az.json" az "$WORK/export-mkt.sh"
check "az script (Marketplace): first run creates the pool" ok bash "$WORK/export-mkt.sh"
check "az script (Marketplace): the pool is on the Marketplace image" "out:22_04-lts-gen2" az batch pool show --pool-id conf-mkt-az --query virtualMachineConfiguration.imageReference.sku -o tsv
check "az script (Marketplace): second run" ok bash "$WORK/export-mkt.sh"
market_variant "$WORK/plan-mkt-arm.json" arm
check "export ARM template (Marketplace)" ok export_plan "$WORK/plan-mkt-arm.json" arm "$WORK/export-mkt-arm.json"
check "deployment group create (Marketplace, Batch account's group)" "out:Succeeded" az deployment group create -g "$RG_BATCH" -n pf-conf-mkt --template-file "$WORK/export-mkt-arm.json" --query properties.provisioningState -o tsv
check "ARM template (Marketplace): the pool is on the Marketplace image" "out:0001-com-ubuntu-server-jammy" az batch pool show --pool-id conf-mkt-arm --query virtualMachineConfiguration.imageReference.offer -o tsv
market_variant "$WORK/plan-mkt-json.json" json
check "export batch-pool-json (Marketplace)" ok export_plan "$WORK/plan-mkt-json.json" batch-pool-json "$WORK/pool-mkt-batch.json"
check "batch pool create --json-file (Marketplace)" ok az batch pool create --json-file "$WORK/pool-mkt-batch.json"
python3 - "$WORK/pool-mkt-batch.json" "$WORK/pool-mkt-bad.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["id"] = "conf-mkt-bad"
p["virtualMachineConfiguration"]["imageReference"].update({"offer": "UbuntuServer", "sku": "16.04-LTS"})
json.dump(p, open(sys.argv[2], "w"), indent=2)
PY
check "batch pool create --json-file: an image Batch does not support is refused (400)" "fail:PropertyName: imageReference" az batch pool create --json-file "$WORK/pool-mkt-bad.json"
check "batch pool show: the refused pool was not created" "fail:does not exist" az batch pool show --pool-id conf-mkt-bad
market_variant "$WORK/plan-mkt-rest.json" rest
check "export pool-json (Marketplace)" ok export_plan "$WORK/plan-mkt-rest.json" pool-json "$WORK/pool-mkt-mgmt.json"
check "rest PUT pool-json (Marketplace)" "out:Succeeded" az rest --method put --url "$ACCOUNT_ID/pools/conf-mkt-rest?api-version=2025-06-01" --body "@$WORK/pool-mkt-mgmt.json" --query properties.provisioningState -o tsv

# --- PF-16: the Trusted Launch plan (shipped example) by its four exports; the same pool without its security profile -------
# Compute refuses a non-Trusted-Launch VM from a TrustedLaunch gallery image: "The provided gallery image only supports creation of
# VMs and VM Scale Sets with 'TrustedLaunch' security type." (hashicorp/terraform-provider-azurerm#23148); the sandbox ends the
# resize with it (docs/SANDBOX.md).
tl_variant() { # NAME SUFFIX: the Trusted Launch example with names of its own
  python3 - "$ROOT/docs/examples/vm-trusted-launch-gallery.json" "$1" "$2" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); s = sys.argv[3]
p.pop("$schema", None)
p["snapshots"]["osDisk"]["snapshotName"] = "snap-conf-tl-" + s + "-os"
p["image"]["gallery"]["name"] = "gal_conf_tl_" + s
p["image"]["gallery"]["imageDefinition"] = "conf-tl-" + s
p["pool"]["poolId"] = "conf-tl-" + s
json.dump(p, open(sys.argv[2], "w"), indent=2)
PY
}
tl_variant "$WORK/plan-tl-az.json" az
check "export az script (Trusted Launch)" ok export_plan "$WORK/plan-tl-az.json" az "$WORK/export-tl.sh"
check "az script (Trusted Launch) carries securityProfile trustedLaunch" "out:trustedLaunch" grep -o '"securityType" : "trustedLaunch"' "$WORK/export-tl.sh"
check "az script (Trusted Launch): first run creates snapshot, gallery, TrustedLaunch image, pool" ok bash "$WORK/export-tl.sh"
check "az sig image-definition show: SecurityType TrustedLaunch" "out:TrustedLaunch" az sig image-definition show -g "$RG_IMG" -r gal_conf_tl_az -i conf-tl-az --query "features[?name=='SecurityType'].value" -o tsv
check "az script (Trusted Launch): the pool has the profile" "out:trustedLaunch" az rest --method get --url "$ACCOUNT_ID/pools/conf-tl-az?api-version=2025-06-01" --query properties.deploymentConfiguration.virtualMachineConfiguration.securityProfile.securityType -o tsv
check "az script (Trusted Launch): nodes reach idle" "out:idle" az batch node list --pool-id conf-tl-az --query "[].state" -o tsv
tl_variant "$WORK/plan-tl-pwsh.json" pwsh
check "export PowerShell (Trusted Launch) carries securityProfile trustedLaunch" ok export_plan "$WORK/plan-tl-pwsh.json" pwsh "$WORK/export-tl.ps1"
check "PowerShell (Trusted Launch): the body names trustedLaunch and api-version 2025-06-01" "out:api-version=2025-06-01" grep -o -e 'api-version=2025-06-01' -e '"securityType" : "trustedLaunch"' "$WORK/export-tl.ps1"
tl_variant "$WORK/plan-tl-arm.json" arm
check "export ARM template (Trusted Launch)" ok export_plan "$WORK/plan-tl-arm.json" arm "$WORK/export-tl-arm.json"
check "deployment group create (Trusted Launch)" "out:Succeeded" az deployment group create -g "$RG_IMG" -n pf-conf-tl-arm --template-file "$WORK/export-tl-arm.json" --query properties.provisioningState -o tsv
check "ARM template (Trusted Launch): the pool has the profile" "out:trustedLaunch" az rest --method get --url "$ACCOUNT_ID/pools/conf-tl-arm?api-version=2025-06-01" --query properties.deploymentConfiguration.virtualMachineConfiguration.securityProfile.securityType -o tsv
check "ARM template (Trusted Launch): nodes reach idle" "out:idle" az batch node list --pool-id conf-tl-arm --query "[].state" -o tsv
tl_variant "$WORK/plan-tl-json.json" az
python3 - "$WORK/plan-tl-json.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["pool"]["poolId"] = "conf-tl-rest"; json.dump(p, open(sys.argv[1], "w"), indent=2)
PY
check "export pool-json (Trusted Launch)" ok export_plan "$WORK/plan-tl-json.json" pool-json "$WORK/pool-tl-mgmt.json"
check "rest PUT pool-json (Trusted Launch)" "out:Succeeded" az rest --method put --url "$ACCOUNT_ID/pools/conf-tl-rest?api-version=2025-06-01" --body "@$WORK/pool-tl-mgmt.json" --query properties.provisioningState -o tsv
check "pool JSON (Trusted Launch): nodes reach idle" "out:idle" az batch node list --pool-id conf-tl-rest --query "[].state" -o tsv
python3 - "$WORK/pool-tl-mgmt.json" "$WORK/pool-tl-noprofile.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
del p["properties"]["deploymentConfiguration"]["virtualMachineConfiguration"]["securityProfile"]
json.dump(p, open(sys.argv[2], "w"), indent=2)
PY
check "rest PUT the same pool without securityProfile: accepted" "out:Succeeded" az rest --method put --url "$ACCOUNT_ID/pools/conf-tl-noprofile?api-version=2025-06-01" --body "@$WORK/pool-tl-noprofile.json" --query properties.provisioningState -o tsv
check "without securityProfile: the resize ends with AllocationFailed" "out:AllocationFailed" az rest --method get --url "$ACCOUNT_ID/pools/conf-tl-noprofile?api-version=2025-06-01" --query "properties.resizeOperationStatus.errors[0].code" -o tsv
check "without securityProfile: Azure's message" "out:only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type" az rest --method get --url "$ACCOUNT_ID/pools/conf-tl-noprofile?api-version=2025-06-01" --query "properties.resizeOperationStatus.errors[0].details[0].message" -o tsv
check "without securityProfile: no node" "out:0" az batch pool show --pool-id conf-tl-noprofile --query currentDedicatedNodes

# --- the table ------------------------------------------------------------------------------------------------------
CALLS=$(wc -l < "$WORK/az-calls.log")
AZV=$("$REAL_AZ" version --query '"azure-cli"' -o tsv 2>/dev/null)
printf '%-4s %-7s %s\n' "#" "result" "check"
while IFS=$'\t' read -r n name verdict why; do
  printf '%-4s %-7s %s%s\n' "$n" "$verdict" "$name" "${why:+  ($why)}"
done < "$ROWS"
echo "azure-cli $AZV: $PASS of $((PASS + FAIL)) checks passed, $FAIL failed, $PENDING pending; $CALLS az commands run"
[ $FAIL -eq 0 ]
