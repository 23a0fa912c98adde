package io.poolforge.domain.diagnose;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.ResourceLock;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.rules.NodeAgentMatcher;
import io.poolforge.domain.rules.NodeAgentProposal;
import io.poolforge.domain.rules.ResizePlanner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a pool's resize errors and the looked-up evidence into diagnoses: cause, evidence, remedy
 * and action. Pure. Sources: "Azure Batch pool and node errors" (relayed provider errors such as a
 * Hyper-V generation mismatch or ScopeLocked), batch-custom-images (a deleted image or snapshot
 * makes the next resize fail with AllocationFailed), the quota page, batch-sig-images.
 * An unknown code is shown raw with the advice to contact support: nothing is hidden.
 */
public final class Diagnoser {
    static final int MAX_PROVIDER_TEXT = 600;
    private static final Pattern PROVIDER_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PROVIDER_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Diagnoser() {
    }

    /** One diagnosis per resize error, plus one when nodes are unusable after allocation. */
    public static List<Diagnosis> diagnose(DiagnosisEvidence ev) {
        List<Diagnosis> out = new ArrayList<>();
        PoolInfo pool = ev.pool();
        boolean stale = isStale(pool, ev.resizeRequestedAt());
        for (ResizeError e : pool.resizeErrors()) {
            out.add(stale ? staleDiagnosis(ev, e) : diagnose(ev, e));
        }
        if (ev.unusableNodes() > 0) out.add(unusable(ev));
        return List.copyOf(out);
    }

    /**
     * True when the pool's resize errors belong to a resize older than the one requested at
     * {@code requestedAt}: the pool's last resize started before it (or, with no start time, the pool
     * last changed allocation state before it), or the pool is still resizing.
     */
    public static boolean isStale(PoolInfo pool, Instant requestedAt) {
        if (requestedAt == null || pool.resizeErrors().isEmpty()) return false;
        if (pool.lastResizeStartTime() != null) return pool.lastResizeStartTime().isBefore(requestedAt);
        if (pool.allocationStateTransitionTime() != null) return pool.allocationStateTransitionTime().isBefore(requestedAt);
        return false;
    }

    private static Diagnosis staleDiagnosis(DiagnosisEvidence ev, ResizeError e) {
        PoolInfo pool = ev.pool();
        Instant errorsFrom = pool.lastResizeStartTime() != null ? pool.lastResizeStartTime()
                : pool.allocationStateTransitionTime();
        List<LocalizedText> evidence = raw(e);
        evidence.add(LocalizedText.of("diagnose.evidence.stale", String.valueOf(errorsFrom),
                String.valueOf(ev.resizeRequestedAt())));
        return build(Cause.STALE_ERROR, List.of(pool.id(), e.code()), evidence, List.of(pool.id()), List.of(), e, true);
    }

    private static Diagnosis diagnose(DiagnosisEvidence ev, ResizeError e) {
        String code = e.code().trim().toLowerCase(Locale.ROOT);
        return switch (code) {
            case "allocationfailed" -> allocationFailed(ev, e);
            case "allocationtimedout" -> timedOut(ev, e);
            case "accountcorequotareached" -> quota(ev, e, Cause.ACCOUNT_CORE_QUOTA);
            case "accountlowprioritycorequotareached" -> quota(ev, e, Cause.ACCOUNT_LOW_PRIORITY_QUOTA);
            case "accountvmseriescorequotareached" -> quota(ev, e, Cause.ACCOUNT_VM_SERIES_QUOTA);
            case "insufficientsubnetsize" -> subnet(ev, e);
            default -> unknown(ev, e);
        };
    }

    private static Diagnosis allocationFailed(DiagnosisEvidence ev, ResizeError e) {
        PoolInfo pool = ev.pool();
        String text = e.allText().toLowerCase(Locale.ROOT);
        String image = pool.customImageId() == null ? "" : pool.customImageId();
        List<LocalizedText> evidence = raw(e);

        // Relayed provider errors say exactly what happened.
        boolean generationText = text.contains("hypervisor generation") || text.contains("hypervgeneration")
                || text.contains("hyper-v generation");
        boolean generationFacts = ev.vmSize() != null && ev.imageGeneration() != null
                && !ev.vmSize().boots(ev.imageGeneration());
        if (text.contains("scopelocked") || (!ev.locks().isEmpty() && text.contains("lock"))) {
            return locked(ev, e, evidence);
        }
        if (generationText || generationFacts) {
            VmSkuInfo size = ev.vmSize();
            String gen = ev.imageGeneration() != null ? ev.imageGeneration().name() : generationFromText(text);
            if (size != null) {
                evidence.add(LocalizedText.of("diagnose.evidence.vmSizeGenerations", size.name(),
                        size.generations().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")), gen));
            }
            String vmSize = pool.vmSize() == null ? "" : pool.vmSize();
            return build(Cause.GENERATION_MISMATCH, List.of(vmSize, gen, pool.id()), evidence, List.of(gen, pool.id()),
                    List.of(), e, false);
        }
        // Looked-up facts.
        if (Boolean.FALSE.equals(ev.imageExists())) {
            evidence.add(LocalizedText.of("diagnose.evidence.imageMissing", image));
            return build(Cause.IMAGE_DELETED, List.of(image, pool.id()), evidence, List.of(image, pool.id()),
                    List.of(Action.REBUILD_IN_GALLERY, Action.RECREATE_POOL), e, false);
        }
        ImageTarget kind = ev.imageKind() != null ? ev.imageKind()
                : image.toLowerCase(Locale.ROOT).contains("/galleries/") ? ImageTarget.GALLERY : ImageTarget.MANAGED;
        if (!ev.missingSourceIds().isEmpty() && kind == ImageTarget.MANAGED) {
            ev.missingSourceIds().forEach(s -> evidence.add(LocalizedText.of("diagnose.evidence.snapshotMissing", s)));
            String snaps = String.join(", ", ev.missingSourceIds());
            return build(Cause.SOURCE_SNAPSHOT_DELETED, List.of(image, snaps), evidence, List.of(image, pool.id()),
                    List.of(Action.RECREATE_POOL), e, false);
        }
        if (!ev.locks().isEmpty()) return locked(ev, e, evidence);
        if (!ev.missingPermissions().isEmpty() || text.contains("authorizationfailed")) {
            ev.missingPermissions().forEach(p -> evidence.add(LocalizedText.of("diagnose.evidence.permissionMissing", p)));
            String perms = ev.missingPermissions().isEmpty() ? "Microsoft.Compute/disks/beginGetAccess/action"
                    : String.join(", ", ev.missingPermissions());
            return build(Cause.IMAGE_ACCESS_DENIED, List.of(image, perms), evidence, List.of(image, perms),
                    List.of(Action.RESIZE_AGAIN), e, false);
        }
        List<Action> alternatives = pool.targetNodes() > ResizePlanner.STEP_NODES
                ? List.of(Action.RESIZE_IN_STEPS, Action.CONTACT_SUPPORT) : List.of(Action.CONTACT_SUPPORT);
        return build(Cause.ALLOCATION_FAILED, List.of(pool.id()), evidence, List.of(pool.id()), alternatives, e, false);
    }

    private static Diagnosis locked(DiagnosisEvidence ev, ResizeError e, List<LocalizedText> evidence) {
        for (ResourceLock l : ev.locks()) {
            evidence.add(LocalizedText.of("diagnose.evidence.lock", l.name(), l.level(), l.scope()));
        }
        String where = ev.locks().isEmpty() ? lockedScope(e)
                : ev.locks().stream().map(l -> l.name() + " (" + l.scope() + ")").collect(Collectors.joining(", "));
        return build(Cause.RESOURCE_LOCKED, List.of(ev.pool().id(), where), evidence, List.of(where, ev.pool().id()),
                List.of(Action.RESIZE_AGAIN), e, false);
    }

    private static Diagnosis timedOut(DiagnosisEvidence ev, ResizeError e) {
        PoolInfo pool = ev.pool();
        Duration timeout = pool.resizeTimeout() == null ? ResizePlanner.DEFAULT_TIMEOUT : pool.resizeTimeout();
        int target = pool.targetNodes();
        Duration recommended = ResizePlanner.recommendedTimeout(target);
        List<LocalizedText> evidence = raw(e);
        evidence.add(LocalizedText.of("diagnose.evidence.resizeTimeout", timeout.toMinutes(), target,
                recommended.toMinutes()));
        Action first = timeout.compareTo(recommended) < 0 ? Action.RAISE_TIMEOUT
                : target > ResizePlanner.STEP_NODES ? Action.RESIZE_IN_STEPS : Action.RESIZE_AGAIN;
        List<Action> alternatives = new ArrayList<>();
        for (Action a : List.of(Action.RAISE_TIMEOUT, Action.RESIZE_IN_STEPS, Action.RESIZE_AGAIN)) {
            if (a != first && (a != Action.RESIZE_IN_STEPS || target > ResizePlanner.STEP_NODES)) alternatives.add(a);
        }
        return new Diagnosis(Cause.ALLOCATION_TIMED_OUT,
                LocalizedText.of(Cause.ALLOCATION_TIMED_OUT.causeKey(), pool.id(), timeout.toMinutes(), target,
                        pool.currentNodes()),
                evidence, LocalizedText.of(Cause.ALLOCATION_TIMED_OUT.remedyKey(), recommended.toMinutes(), pool.id()),
                first, alternatives, e, false, Cause.ALLOCATION_TIMED_OUT.source());
    }

    private static Diagnosis quota(DiagnosisEvidence ev, ResizeError e, Cause cause) {
        BatchAccountInfo a = ev.account();
        String account = a == null ? "" : a.name();
        List<LocalizedText> evidence = raw(e);
        List<Object> causeArgs;
        if (cause == Cause.ACCOUNT_VM_SERIES_QUOTA) {
            String family = ev.vmSize() != null ? ev.vmSize().family() : "";
            Integer q = a == null || ev.vmSize() == null ? null : a.familyCoreQuota(family);
            int used = a == null ? 0 : a.usage().familyCores(family);
            if (q != null) evidence.add(LocalizedText.of("diagnose.evidence.familyQuota", family, used, q));
            causeArgs = List.of(account, family, q == null ? "?" : q);
            return build(cause, causeArgs, evidence, List.of(account, family),
                    List.of(Action.RESIZE_AGAIN, Action.RECREATE_POOL), e, false);
        }
        boolean low = cause == Cause.ACCOUNT_LOW_PRIORITY_QUOTA;
        Integer q = a == null ? null : low ? a.lowPriorityCoreQuota() : a.dedicatedCoreQuota();
        if (a != null) {
            evidence.add(LocalizedText.of("diagnose.evidence.quota",
                    low ? a.usage().lowPriorityCores() : a.usage().dedicatedCores(), q));
        }
        causeArgs = List.of(account, q == null ? "?" : q);
        return build(cause, causeArgs, evidence, List.of(account), List.of(Action.RESIZE_AGAIN), e, false);
    }

    private static Diagnosis subnet(DiagnosisEvidence ev, ResizeError e) {
        List<LocalizedText> evidence = raw(e);
        return build(Cause.INSUFFICIENT_SUBNET, List.of(ev.pool().id()), evidence, List.of(ev.pool().id()),
                List.of(Action.RESIZE_AGAIN), e, false);
    }

    private static Diagnosis unknown(DiagnosisEvidence ev, ResizeError e) {
        return build(Cause.UNKNOWN, List.of(e.code(), ev.pool().id()), raw(e), List.of(e.code()),
                List.of(Action.RESIZE_AGAIN), e, false);
    }

    private static Diagnosis unusable(DiagnosisEvidence ev) {
        PoolInfo pool = ev.pool();
        String poolSku = pool.nodeAgentSkuId() == null ? "" : pool.nodeAgentSkuId();
        List<LocalizedText> evidence = new ArrayList<>();
        evidence.add(LocalizedText.of("diagnose.evidence.unusableNodes", ev.unusableNodes(), pool.currentNodes()));
        NodeAgentProposal p = NodeAgentMatcher.propose(ev.sourceImage(), ev.imageOsType(), ev.imageGeneration(),
                ev.supportedImages());
        boolean osMismatch = ev.imageOsType() != null && ev.supportedImages().stream()
                .filter(s -> s.nodeAgentSkuId().equalsIgnoreCase(poolSku)).map(SupportedImage::osType)
                .anyMatch(os -> os != null && os != ev.imageOsType());
        boolean differs = p.found() && p.basis() != NodeAgentProposal.Basis.SAME_PUBLISHER
                && !p.nodeAgentSkuId().equalsIgnoreCase(poolSku);
        if (osMismatch || differs) {
            String proposed = p.found() ? p.nodeAgentSkuId() : "";
            evidence.add(LocalizedText.of("diagnose.evidence.nodeAgent", poolSku, proposed));
            return build(Cause.NODE_AGENT_MISMATCH, List.of(pool.id(), ev.unusableNodes(), poolSku), evidence,
                    List.of(proposed, pool.id()), List.of(), null, false);
        }
        return build(Cause.NODES_UNUSABLE, List.of(pool.id(), ev.unusableNodes()), evidence, List.of(pool.id()),
                List.of(Action.RESIZE_AGAIN), null, false);
    }

    private static Diagnosis build(Cause cause, List<Object> causeArgs, List<LocalizedText> evidence,
                                   List<Object> remedyArgs, List<Action> alternatives, ResizeError e, boolean stale) {
        return new Diagnosis(cause, new LocalizedText(cause.causeKey(), causeArgs), evidence,
                new LocalizedText(cause.remedyKey(), remedyArgs), cause.defaultAction(), alternatives, e, stale,
                cause.source());
    }

    /** The raw error (never hidden): code and message, its values, and the provider error (masked, shortened). */
    private static List<LocalizedText> raw(ResizeError e) {
        List<LocalizedText> out = new ArrayList<>();
        out.add(LocalizedText.of("diagnose.evidence.raw", e.code(), SecretMasker.mask(e.message())));
        e.values().stream().filter(v -> v.name() != null && v.value() != null && !v.value().equals(e.providerErrorJson()))
                .forEach(v -> out.add(LocalizedText.of("diagnose.evidence.value", v.name(), SecretMasker.mask(v.value()))));
        if (e.providerErrorJson() != null && !e.providerErrorJson().isBlank()) {
            String json = SecretMasker.mask(e.providerErrorJson());
            Matcher c = PROVIDER_CODE.matcher(json);
            Matcher m = PROVIDER_MESSAGE.matcher(json);
            String pc = c.find() ? c.group(1) : "";
            String pm = m.find() ? m.group(1) : (json.length() > MAX_PROVIDER_TEXT ? json.substring(0, MAX_PROVIDER_TEXT) + "…" : json);
            out.add(LocalizedText.of("diagnose.evidence.providerError", pc, pm));
        }
        return out;
    }

    private static String generationFromText(String lower) {
        Matcher m = Pattern.compile("generation\\s*'?v?(\\d)").matcher(lower);
        return m.find() ? "V" + m.group(1) : "?";
    }

    private static String lockedScope(ResizeError e) {
        Matcher m = Pattern.compile("locked:\\s*'([^']+)'").matcher(e.allText());
        return m.find() ? m.group(1) : "?";
    }
}
