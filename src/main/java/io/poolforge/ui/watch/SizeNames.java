package io.poolforge.ui.watch;

import io.poolforge.azure.BatchGateway;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.VmSizeNames;
import io.poolforge.domain.nodes.ComputeNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VM size names of each Batch account's region, read once (Location - List Supported Virtual Machine SKUs) and kept,
 * so that the pools and nodes the watch and the inspector show name their size in Azure's canonical case
 * ({@link VmSizeNames}; PF-20). Blocking: call from a background task only. A failed read leaves the names as Azure sent
 * them, and is tried again next time.
 */
public final class SizeNames {
    private static final Logger LOG = LoggerFactory.getLogger(SizeNames.class);
    private final Map<String, VmSizeNames> byRegion = new ConcurrentHashMap<>();

    /** The size names of the account's subscription and region. */
    public VmSizeNames of(BatchGateway batch, BatchAccountInfo account) {
        if (batch == null || account == null || account.subscriptionId() == null || account.location() == null) {
            return VmSizeNames.none();
        }
        String key = (account.subscriptionId() + "|" + account.location()).toLowerCase(Locale.ROOT);
        VmSizeNames known = byRegion.get(key);
        if (known != null) return known;
        try {
            VmSizeNames read = VmSizeNames.of(batch.supportedVmSkus(account.subscriptionId(), account.location()));
            byRegion.put(key, read);
            return read;
        } catch (RuntimeException e) {
            LOG.warn("VM sizes not read: {}", SecretMasker.mask(String.valueOf(e.getMessage())));
            return VmSizeNames.none();
        }
    }

    /** The pool with its VM size in canonical case. */
    public PoolInfo canonical(BatchGateway batch, BatchAccountInfo account, PoolInfo pool) {
        return pool == null || !VmSizeNames.oneCase(pool.vmSize()) ? pool : of(batch, account).canonical(pool);
    }

    /** The nodes with their VM size in canonical case. */
    public List<ComputeNode> canonical(BatchGateway batch, BatchAccountInfo account, List<ComputeNode> nodes) {
        if (nodes.stream().noneMatch(n -> VmSizeNames.oneCase(n.vmSize()))) return nodes;
        VmSizeNames names = of(batch, account);
        return nodes.stream().map(n -> {
            String name = names.canonical(n.vmSize());
            return java.util.Objects.equals(name, n.vmSize()) ? n : n.withVmSize(name);
        }).toList();
    }
}
