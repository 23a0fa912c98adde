package io.poolforge.ui.wizard;

import io.poolforge.azure.Connection;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.SnapshotPlan;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.VmSummary;
import java.time.Clock;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the wizard has decided so far, typed, shared by the steps (never the wizard's settings
 * map). Each step reads what earlier steps chose and writes its own part; Back keeps it all.
 * FX thread only. {@link #VERSION} names the shape, for the saved plan (PF-7).
 */
public final class WizardSession {
    public static final int VERSION = 1;

    private final Clock clock;
    private final ObjectProperty<Connection> connection = new SimpleObjectProperty<>();
    private final ObjectProperty<SubscriptionRef> subscription = new SimpleObjectProperty<>();
    private final ObjectProperty<BatchAccountInfo> account = new SimpleObjectProperty<>();
    private final ObservableList<SupportedImage> supportedImages = FXCollections.observableArrayList();
    private final ObservableList<VmSkuInfo> vmSizes = FXCollections.observableArrayList();
    private final ObservableList<PoolInfo> existingPools = FXCollections.observableArrayList();
    /** The chosen account with the quotas that apply and what it already uses (io.poolforge.azure.AccountReader). */
    private final ObjectProperty<BatchAccountInfo> accountUsage = new SimpleObjectProperty<>();
    private final javafx.collections.ObservableMap<String, java.util.List<String>> imageSources = FXCollections.observableHashMap();
    private final ObjectProperty<VmSummary> vm = new SimpleObjectProperty<>();
    private final ObjectProperty<SnapshotPlan> snapshots = new SimpleObjectProperty<>();
    private final ObjectProperty<ImagePlan> image = new SimpleObjectProperty<>();
    private final ObjectProperty<PoolPlan> pool = new SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty fromExistingImage = new javafx.beans.property.SimpleBooleanProperty();
    /** PF-18: the user confirmed on the image step that the VM was generalized in the guest (Azure did not say so). */
    private final javafx.beans.property.BooleanProperty vmGeneralizedConfirmed = new javafx.beans.property.SimpleBooleanProperty();
    /** PF-15: the Marketplace image a custom image was made from, as the pool step shows or the user corrected it. */
    private final ObjectProperty<io.poolforge.domain.ImageReference> imageBase = new SimpleObjectProperty<>();

    public WizardSession(Clock clock) {
        this.clock = clock;
        // A new connection or account invalidates what was read from the old one.
        connection.addListener((o, a, b) -> {
            subscription.set(null);
            account.set(null);
        });
        account.addListener((o, a, b) -> {
            supportedImages.clear();
            vmSizes.clear();
            existingPools.clear();
            accountUsage.set(null);
            imageSources.clear();
            vm.set(null);
        });
        vm.addListener((o, a, b) -> {
            if (a == null || b == null || !a.id().equalsIgnoreCase(String.valueOf(b.id()))) vmGeneralizedConfirmed.set(false);
        });
    }

    /** PF-18: the user's answer on the image step ("the VM was generalized"). */
    public javafx.beans.property.BooleanProperty vmGeneralizedConfirmedProperty() { return vmGeneralizedConfirmed; }

    /** The VM as the rules and the plan see it: generalized when Azure says so or the user confirmed it. */
    public VmSummary vmForPlan() {
        VmSummary v = vm.get();
        return v == null ? null : v.withGeneralized(v.markedGeneralized() || vmGeneralizedConfirmed.get());
    }

    public Clock clock() { return clock; }

    private io.poolforge.azure.MarketplaceImages marketplaceImages;
    private Connection marketplaceImagesOf;

    /**
     * PF-16 second pass: this connection's reads of Marketplace images (generation as Azure reports it), one per connection so
     * each image is asked once a session; null when not connected. Thread-safe (background tasks use it).
     */
    public synchronized io.poolforge.azure.MarketplaceImages marketplaceImages() {
        Connection c = connection.get();
        if (c == null) return null;
        if (c != marketplaceImagesOf) {
            marketplaceImagesOf = c;
            marketplaceImages = new io.poolforge.azure.MarketplaceImages(c.compute());
        }
        return marketplaceImages;
    }

    public ObjectProperty<Connection> connectionProperty() { return connection; }

    public Connection connection() { return connection.get(); }

    public ObjectProperty<SubscriptionRef> subscriptionProperty() { return subscription; }

    public ObjectProperty<BatchAccountInfo> accountProperty() { return account; }

    public BatchAccountInfo account() { return account.get(); }

    public ObservableList<SupportedImage> supportedImages() { return supportedImages; }

    public ObservableList<VmSkuInfo> vmSizes() { return vmSizes; }

    public ObservableList<PoolInfo> existingPools() { return existingPools; }

    public ObjectProperty<BatchAccountInfo> accountUsageProperty() { return accountUsage; }

    /** The account with its quotas and usage once read from it; until then the account as listed (usage unknown). */
    public BatchAccountInfo accountWithUsage() {
        BatchAccountInfo u = accountUsage.get();
        return u != null ? u : account.get();
    }

    /** Custom image id (lower case) → what it was built from, for the images of the account's pools. */
    public javafx.collections.ObservableMap<String, java.util.List<String>> imageSources() { return imageSources; }

    public ObjectProperty<VmSummary> vmProperty() { return vm; }

    public VmSummary vm() { return vm.get(); }

    public ObjectProperty<SnapshotPlan> snapshotsProperty() { return snapshots; }

    public ObjectProperty<ImagePlan> imageProperty() { return image; }

    public ObjectProperty<PoolPlan> poolProperty() { return pool; }

    /** True when the user starts from an existing gallery image version: no VM, snapshots or new image. */
    public javafx.beans.property.BooleanProperty fromExistingImageProperty() { return fromExistingImage; }

    public boolean fromExistingImage() { return fromExistingImage.get(); }

    /** The custom image's Marketplace base (publisher/offer/SKU) chosen on the pool step; null when not known. */
    public ObjectProperty<io.poolforge.domain.ImageReference> imageBaseProperty() { return imageBase; }
}
