package io.poolforge.domain.diagnose;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.ResourceLock;
import io.poolforge.domain.OsType;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.SecurityType;
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
 * An unknown code is shown raw with the advice to contact support: nothing is hidden. Every diagnosis carries its
 * level ({@link Confidence}), what was read from Azure and what could not be, and why ({@link Lookups}); Azure's own
 * words are mapped through {@link KnownErrors}, whose rows name their sources.
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
        return build(Cause.STALE_ERROR, List.of(pool.id(), e.code()), evidence, List.of(pool.id()), List.of(), e, true,
                Confidence.LIKELY, checks(ev));
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
            default -> byText(ev, e).orElseGet(() -> unknown(ev, e));
        };
    }

    /** The cause Azure's own words name, from {@link KnownErrors}; empty when no row matches. */
    private static java.util.Optional<Diagnosis> byText(DiagnosisEvidence ev, ResizeError e) {
        String json = e.providerErrorJson() == null ? "" : e.providerErrorJson();
        Matcher pc = PROVIDER_CODE.matcher(json);
        String providerCode = pc.find() ? pc.group(1) : null;
        var row = KnownErrors.match(e.code(), providerCode, e.allText());
        if (row.isEmpty()) return java.util.Optional.empty();
        KnownErrors.Row r = row.get();
        Checks k = checks(ev);
        List<LocalizedText> evidence = raw(e);
        evidence.add(LocalizedText.of("diagnose.evidence.knownText", r.source(), KnownErrors.READ));
        PoolInfo pool = ev.pool();
        String vmSize = sizeName(ev);
        Diagnosis d = switch (r.cause()) {
            case RESOURCE_LOCKED -> locked(ev, e, evidence, k, Confidence.CONFIRMED);
            case GENERATION_MISMATCH -> generation(ev, e, evidence, k, e.allText().toLowerCase(Locale.ROOT));
            case SECURITY_TYPE_MISMATCH -> {
                Matcher m = Pattern.compile("with '([^']+)' security type").matcher(e.allText());
                String type = m.find() ? m.group(1) : "?";
                yield build(r.cause(), List.of(pool.id(), type), evidence, List.of(pool.id(), type), List.of(), e, false,
                        Confidence.CONFIRMED, k);
            }
            case ACCOUNT_CORE_QUOTA, ACCOUNT_LOW_PRIORITY_QUOTA -> quota(ev, e, r.cause());
            case ALLOCATION_TIMED_OUT -> timedOut(ev, e);
            case STORAGE_TYPE_UNSUPPORTED, CAPACITY, SKU_NOT_AVAILABLE -> build(r.cause(), List.of(pool.id(), vmSize), evidence,
                    List.of(pool.id()), r.cause() == Cause.CAPACITY ? List.of(Action.RECREATE_POOL) : List.of(Action.RESIZE_AGAIN),
                    e, false, Confidence.CONFIRMED, k);
            default -> build(r.cause(), List.of(pool.id()), evidence, List.of(pool.id()), List.of(Action.RESIZE_AGAIN), e, false,
                    Confidence.CONFIRMED, k);
        };
        return java.util.Optional.of(d);
    }

    private static Diagnosis allocationFailed(DiagnosisEvidence ev, ResizeError e) {
        PoolInfo pool = ev.pool();
        String text = e.allText().toLowerCase(Locale.ROOT);
        String image = pool.customImageId() == null ? "" : pool.customImageId();
        Checks k = checks(ev);
        List<LocalizedText> evidence = raw(e);

        // Azure's own words first: a relayed provider error says what happened.
        var known = byText(ev, e);
        if (known.isPresent()) return known.get();
        if (text.contains("scopelocked")) return locked(ev, e, evidence, k, Confidence.CONFIRMED);
        if (text.contains("hypervisor generation") || text.contains("hypervgeneration") || text.contains("hyper-v generation")) {
            return generation(ev, e, evidence, k, text);
        }
        // Then what was read from Azure.
        if (ev.vmSize() != null && ev.imageGeneration() != null && !ev.vmSize().boots(ev.imageGeneration())) {
            return generation(ev, e, evidence, k, text);
        }
        if (Boolean.FALSE.equals(ev.imageExists())) {
            return build(Cause.IMAGE_DELETED, List.of(image, pool.id()), evidence, List.of(image, pool.id()),
                    List.of(Action.REBUILD_IN_GALLERY, Action.RECREATE_POOL), e, false, Confidence.CONFIRMED, k);
        }
        ImageTarget kind = ev.imageKind() != null ? ev.imageKind()
                : image.toLowerCase(Locale.ROOT).contains("/galleries/") ? ImageTarget.GALLERY : ImageTarget.MANAGED;
        if (!ev.missingSourceIds().isEmpty() && kind == ImageTarget.MANAGED) {
            String snaps = String.join(", ", ev.missingSourceIds());
            return build(Cause.SOURCE_SNAPSHOT_DELETED, List.of(image, snaps), evidence, List.of(image, pool.id()),
                    List.of(Action.RECREATE_POOL), e, false, Confidence.CONFIRMED, k);
        }
        if (!blockingLocks(ev).isEmpty()) return locked(ev, e, evidence, k, Confidence.LIKELY);
        Looked<Integer> replicas = ev.lookups().replicasInRegion();
        if (replicas.isRead() && replicas.value() == 0 && kind == ImageTarget.GALLERY) {
            return build(Cause.IMAGE_NOT_REPLICATED, List.of(image, ev.lookups().region()), evidence,
                    List.of(ev.lookups().region(), pool.id()), List.of(Action.CONTACT_SUPPORT), e, false, Confidence.LIKELY, k);
        }
        boolean authText = text.contains("authorizationfailed") || text.contains("does not have authorization to perform action");
        List<String> missing = missingPermissions(ev);
        if (authText || !missing.isEmpty()) {
            String perms = missing.isEmpty() ? Lookups.BEGIN_GET_ACCESS : String.join(", ", missing);
            return build(Cause.IMAGE_ACCESS_DENIED, List.of(image, perms), evidence, List.of(image, perms),
                    List.of(Action.RESIZE_AGAIN), e, false, authText ? Confidence.CONFIRMED : Confidence.LIKELY, k);
        }
        List<Action> alternatives = pool.targetNodes() > ResizePlanner.STEP_NODES
                ? List.of(Action.RESIZE_IN_STEPS, Action.CONTACT_SUPPORT) : List.of(Action.CONTACT_SUPPORT);
        return build(Cause.ALLOCATION_FAILED, List.of(pool.id()), evidence, List.of(pool.id()), alternatives, e, false,
                Confidence.UNKNOWN, k);
    }

    private static Diagnosis generation(DiagnosisEvidence ev, ResizeError e, List<LocalizedText> evidence, Checks k, String lowerText) {
        PoolInfo pool = ev.pool();
        String gen = ev.imageGeneration() != null ? ev.imageGeneration().name() : generationFromText(lowerText);
        String vmSize = sizeName(ev);
        return build(Cause.GENERATION_MISMATCH, List.of(vmSize, gen, pool.id()), evidence, List.of(gen, pool.id()),
                List.of(), e, false, Confidence.CONFIRMED, k);
    }

    /** The pool's VM size as the account's size list names it, when it was read (PF-20: Azure's canonical case), else as the pool says. */
    private static String sizeName(DiagnosisEvidence ev) {
        if (ev.vmSize() != null) return ev.vmSize().name();
        return ev.pool().vmSize() == null ? "" : ev.pool().vmSize();
    }

    /** Locks that stop writes: ReadOnly ones (a CanNotDelete lock only stops deletion). Microsoft's lock-resources page. */
    private static List<ResourceLock> blockingLocks(DiagnosisEvidence ev) {
        return allLocks(ev).stream().filter(l -> "ReadOnly".equalsIgnoreCase(l.level())).toList();
    }

    private static List<ResourceLock> allLocks(DiagnosisEvidence ev) {
        List<ResourceLock> out = new ArrayList<>(ev.locks());
        if (ev.lookups().locks().isRead()) {
            for (ResourceLock l : ev.lookups().locks().value()) if (!out.contains(l)) out.add(l);
        }
        return out;
    }

    private static List<String> missingPermissions(DiagnosisEvidence ev) {
        List<String> out = new ArrayList<>(ev.missingPermissions());
        if (Boolean.FALSE.equals(ev.lookups().beginGetAccess().value()) && !out.contains(Lookups.BEGIN_GET_ACCESS)) {
            out.add(Lookups.BEGIN_GET_ACCESS);
        }
        return out;
    }

    private static Diagnosis locked(DiagnosisEvidence ev, ResizeError e, List<LocalizedText> evidence, Checks k, Confidence level) {
        // Name the ReadOnly locks that were read; without one, the scope Azure's ScopeLocked text names.
        List<ResourceLock> locks = blockingLocks(ev);
        String where = locks.isEmpty() ? lockedScope(e)
                : locks.stream().map(l -> l.name() + " (" + l.scope() + ")").collect(Collectors.joining(", "));
        return build(Cause.RESOURCE_LOCKED, List.of(ev.pool().id(), where), evidence, List.of(where, ev.pool().id()),
                List.of(Action.RESIZE_AGAIN), e, false, level, k);
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
        Checks k = checks(ev);
        return new Diagnosis(Cause.ALLOCATION_TIMED_OUT,
                LocalizedText.of(Cause.ALLOCATION_TIMED_OUT.causeKey(), pool.id(), timeout.toMinutes(), target,
                        pool.currentNodes()),
                evidence, LocalizedText.of(Cause.ALLOCATION_TIMED_OUT.remedyKey(), recommended.toMinutes(), pool.id()),
                first, alternatives, e, false, Cause.ALLOCATION_TIMED_OUT.source(), Confidence.CONFIRMED, k.checked, k.notChecked);
    }

    private static Diagnosis quota(DiagnosisEvidence ev, ResizeError e, Cause cause) {
        BatchAccountInfo a = ev.account();
        String account = a == null ? "" : a.name();
        List<LocalizedText> evidence = raw(e);
        Checks k = checks(ev);
        List<Object> causeArgs;
        if (cause == Cause.ACCOUNT_VM_SERIES_QUOTA) {
            String family = ev.vmSize() != null ? ev.vmSize().family() : "";
            Integer q = a == null || ev.vmSize() == null ? null : a.familyCoreQuota(family);
            int used = a == null ? 0 : a.usage().familyCores(family);
            if (q != null) k.checked.add(LocalizedText.of("diagnose.evidence.familyQuota", family, used, q));
            else k.notChecked.add(LocalizedText.of("diagnose.notChecked.quota", LocalizedText.of("diagnose.reason.notLooked")));
            causeArgs = List.of(account, family, q == null ? "?" : q);
            return build(cause, causeArgs, evidence, List.of(account, family),
                    List.of(Action.RESIZE_AGAIN, Action.RECREATE_POOL), e, false, Confidence.CONFIRMED, k);
        }
        boolean low = cause == Cause.ACCOUNT_LOW_PRIORITY_QUOTA;
        Integer q = a == null ? null : low ? a.lowPriorityCoreQuota() : a.dedicatedCoreQuota();
        if (a != null) {
            k.checked.add(LocalizedText.of("diagnose.evidence.quota",
                    low ? a.usage().lowPriorityCores() : a.usage().dedicatedCores(), q));
        } else {
            k.notChecked.add(LocalizedText.of("diagnose.notChecked.quota", LocalizedText.of("diagnose.reason.notLooked")));
        }
        causeArgs = List.of(account, q == null ? "?" : q);
        return build(cause, causeArgs, evidence, List.of(account), List.of(Action.RESIZE_AGAIN), e, false, Confidence.CONFIRMED, k);
    }

    private static Diagnosis subnet(DiagnosisEvidence ev, ResizeError e) {
        List<LocalizedText> evidence = raw(e);
        return build(Cause.INSUFFICIENT_SUBNET, List.of(ev.pool().id()), evidence, List.of(ev.pool().id()),
                List.of(Action.RESIZE_AGAIN), e, false, Confidence.CONFIRMED, checks(ev));
    }

    private static Diagnosis unknown(DiagnosisEvidence ev, ResizeError e) {
        return build(Cause.UNKNOWN, List.of(e.code(), ev.pool().id()), raw(e), List.of(e.code()),
                List.of(Action.RESIZE_AGAIN), e, false, Confidence.UNKNOWN, checks(ev));
    }

    /**
     * Nodes unusable after allocation. The node agent is judged only against an image whose Marketplace base is known
     * (NodeAgentMatcher needs it); for a custom image whose base is not recorded, the check is listed as not made.
     */
    private static Diagnosis unusable(DiagnosisEvidence ev) {
        PoolInfo pool = ev.pool();
        String poolSku = pool.nodeAgentSkuId() == null ? "" : pool.nodeAgentSkuId();
        Checks k = checks(ev);
        List<LocalizedText> evidence = new ArrayList<>();
        evidence.add(LocalizedText.of("diagnose.evidence.unusableNodes", ev.unusableNodes(), pool.currentNodes()));
        // The pool's SKU is listed by Batch for another OS than the image's: both facts read, so this proves it.
        java.util.Optional<OsType> skuOs = ev.supportedImages().stream().filter(s -> s.nodeAgentSkuId().equalsIgnoreCase(poolSku))
                .map(SupportedImage::osType).filter(java.util.Objects::nonNull).findFirst();
        if (ev.imageOsType() != null && skuOs.isPresent() && skuOs.get() != ev.imageOsType()) {
            evidence.add(LocalizedText.of("diagnose.evidence.nodeAgentOs", poolSku, skuOs.get().name(), ev.imageOsType().name()));
            NodeAgentProposal p = base(ev) == null ? null : NodeAgentMatcher.propose(base(ev), ev.imageOsType(), ev.imageGeneration(),
                    ev.supportedImages());
            String proposed = p != null && p.found() ? p.nodeAgentSkuId() : "";
            return build(Cause.NODE_AGENT_MISMATCH, List.of(pool.id(), ev.unusableNodes(), poolSku), evidence,
                    List.of(proposed, pool.id()), List.of(), null, false, Confidence.CONFIRMED, k);
        }
        ImageReference base = base(ev);
        if (base == null) {
            k.notChecked.add(LocalizedText.of("diagnose.notChecked.nodeAgent", poolSku, LocalizedText.of("diagnose.reason.noBase")));
        } else if (ev.supportedImages().isEmpty()) {
            k.notChecked.add(LocalizedText.of("diagnose.notChecked.nodeAgent", poolSku, LocalizedText.of("diagnose.reason.notLooked")));
        } else {
            NodeAgentProposal p = NodeAgentMatcher.propose(base, ev.imageOsType(), ev.imageGeneration(), ev.supportedImages());
            if (p.found() && p.basis() != NodeAgentProposal.Basis.SAME_PUBLISHER && !p.nodeAgentSkuId().equalsIgnoreCase(poolSku)) {
                evidence.add(LocalizedText.of("diagnose.evidence.nodeAgent", poolSku, p.nodeAgentSkuId()));
                return build(Cause.NODE_AGENT_MISMATCH, List.of(pool.id(), ev.unusableNodes(), poolSku), evidence,
                        List.of(p.nodeAgentSkuId(), pool.id()), List.of(), null, false, Confidence.LIKELY, k);
            }
            k.checked.add(LocalizedText.of("diagnose.checked.nodeAgent", poolSku, describe(base)));
        }
        SecurityType img = ev.lookups().imageSecurityType().value();
        SecurityType poolType = ev.lookups().poolSecurityType().value();
        // Only a TrustedLaunch or ConfidentialVM definition restricts the VMs (a "...Supported" one accepts Standard too).
        if (img != null && poolType != null && (img == SecurityType.TRUSTED_LAUNCH || img == SecurityType.CONFIDENTIAL_VM)
                && img != poolType) {
            return build(Cause.SECURITY_TYPE_MISMATCH, List.of(pool.id(), img.azureName()), evidence, List.of(pool.id(), img.azureName()),
                    List.of(), null, false, Confidence.LIKELY, k);
        }
        return build(Cause.NODES_UNUSABLE, List.of(pool.id(), ev.unusableNodes()), evidence, List.of(pool.id()),
                List.of(Action.RESIZE_AGAIN), null, false, Confidence.UNKNOWN, k);
    }

    /** The Marketplace image the pool's image is (or was built on), when known. */
    private static ImageReference base(DiagnosisEvidence ev) {
        if (ev.sourceImage() != null && ev.sourceImage().isMarketplace()) return ev.sourceImage();
        ImageReference b = ev.lookups().imageBase();
        return b != null && b.isMarketplace() ? b : null;
    }

    private static String describe(ImageReference r) {
        return r.publisher() + "/" + r.offer() + "/" + r.sku();
    }

    /** What was read from Azure (and what it showed), and what could not be read and why. */
    static final class Checks {
        final List<LocalizedText> checked = new ArrayList<>();
        final List<LocalizedText> notChecked = new ArrayList<>();
    }

    static Checks checks(DiagnosisEvidence ev) {
        Checks k = new Checks();
        PoolInfo pool = ev.pool();
        Lookups l = ev.lookups();
        String image = pool.customImageId();
        if (image == null) {
            if (pool.imageReference() != null) k.checked.add(LocalizedText.of("diagnose.checked.marketplace", describe(pool.imageReference())));
        } else {
            if (Boolean.TRUE.equals(ev.imageExists())) k.checked.add(LocalizedText.of("diagnose.checked.imageFound", image));
            else if (Boolean.FALSE.equals(ev.imageExists())) k.checked.add(LocalizedText.of("diagnose.evidence.imageMissing", image));
            else k.notChecked.add(LocalizedText.of("diagnose.notChecked.image", image, LocalizedText.of("diagnose.reason.failed", "?")));
            ev.missingSourceIds().forEach(s -> k.checked.add(LocalizedText.of("diagnose.evidence.snapshotMissing", s)));
            if (l.replicasInRegion().isRead()) {
                k.checked.add(LocalizedText.of("diagnose.checked.replicas", l.replicasInRegion().value(), l.region()));
            } else if (image.toLowerCase(Locale.ROOT).contains("/galleries/")) {
                k.notChecked.add(LocalizedText.of("diagnose.notChecked.replicas", reason(l.replicasInRegion())));
            }
            // Locks on the image, its definition, gallery and resource group.
            List<ResourceLock> locks = allLocks(ev);
            if (l.locks().isRead() || !locks.isEmpty()) {
                if (locks.isEmpty()) {
                    k.checked.add(LocalizedText.of("diagnose.checked.locksNone", l.lockScopes().isEmpty() ? image
                            : l.lockScopes().stream().map(x -> x.substring(x.lastIndexOf('/') + 1)).collect(Collectors.joining(", "))));
                }
                for (ResourceLock x : locks) k.checked.add(LocalizedText.of("diagnose.evidence.lock", x.name(), x.level(), x.scope()));
            } else {
                k.notChecked.add(LocalizedText.of("diagnose.notChecked.locks", reason(l.locks())));
            }
            List<String> missing = missingPermissions(ev);
            if (!missing.isEmpty()) {
                missing.forEach(p -> k.checked.add(LocalizedText.of("diagnose.evidence.permissionMissing", p)));
            } else if (Boolean.TRUE.equals(l.beginGetAccess().value())) {
                k.checked.add(LocalizedText.of("diagnose.checked.permissionGranted", Lookups.BEGIN_GET_ACCESS, image));
            } else {
                k.notChecked.add(LocalizedText.of("diagnose.notChecked.permission", Lookups.BEGIN_GET_ACCESS, reason(l.beginGetAccess())));
            }
            if (l.imageSecurityType().isRead() && l.poolSecurityType().isRead()) {
                k.checked.add(LocalizedText.of("diagnose.checked.securityType", l.imageSecurityType().value().azureName(),
                        l.poolSecurityType().value().azureName()));
            } else if (l.imageSecurityType().isRead()) {
                k.checked.add(LocalizedText.of("diagnose.checked.imageSecurityType", l.imageSecurityType().value().azureName()));
                k.notChecked.add(LocalizedText.of("diagnose.notChecked.poolSecurityType", reason(l.poolSecurityType())));
            } else {
                k.notChecked.add(LocalizedText.of("diagnose.notChecked.securityType", reason(l.imageSecurityType())));
            }
        }
        if (ev.vmSize() != null && ev.imageGeneration() != null) {
            VmSkuInfo size = ev.vmSize();
            k.checked.add(LocalizedText.of("diagnose.evidence.vmSizeGenerations", size.name(),
                    size.generations().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")), ev.imageGeneration().name()));
        } else if (image != null) {
            k.notChecked.add(LocalizedText.of("diagnose.notChecked.generation", LocalizedText.of(ev.vmSize() == null
                    ? "diagnose.reason.vmSizeUnknown" : "diagnose.reason.generationUnknown")));
        }
        return k;
    }

    private static LocalizedText reason(Looked<?> l) {
        if (l.isFailed()) {
            Object f = l.failure();
            return LocalizedText.of("diagnose.reason.failed", f instanceof LocalizedText t ? t : SecretMasker.mask(String.valueOf(f)));
        }
        if (l.whyKey() != null) return LocalizedText.of(l.whyKey());
        return LocalizedText.of("diagnose.reason.notLooked");
    }

    private static Diagnosis build(Cause cause, List<Object> causeArgs, List<LocalizedText> evidence,
                                   List<Object> remedyArgs, List<Action> alternatives, ResizeError e, boolean stale,
                                   Confidence level, Checks k) {
        return new Diagnosis(cause, new LocalizedText(cause.causeKey(), causeArgs), evidence,
                new LocalizedText(cause.remedyKey(), remedyArgs), cause.defaultAction(), alternatives, e, stale,
                cause.source(), level, k.checked, k.notChecked);
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
