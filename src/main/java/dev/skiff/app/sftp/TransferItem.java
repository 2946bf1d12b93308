package dev.skiff.app.sftp;

import dev.skiff.ssh.sftp.transfer.Cancellation;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the transfer queue. Properties are FX-thread only (the {@link TransferQueue} updates
 * them through its fx executor).
 */
public final class TransferItem {
    private volatile TransferRequest request;
    private final ObjectProperty<TransferState> state = new SimpleObjectProperty<>(TransferState.QUEUED);
    private final LongProperty size = new SimpleLongProperty(-1);
    private final LongProperty done = new SimpleLongProperty(0);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final DoubleProperty speed = new SimpleDoubleProperty(0);
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    Cancellation cancellation = new Cancellation();
    TransferState stopAs;

    TransferItem(TransferRequest request) {
        this.request = request;
        size.set(request.size());
    }

    public TransferRequest request() {
        return request;
    }

    void setRequest(TransferRequest r) {
        request = r;
    }

    public String name() {
        return request.name();
    }

    /** "Upload" or "Download". */
    public String direction() {
        return request.upload() ? "Upload" : "Download";
    }

    public ObjectProperty<TransferState> stateProperty() {
        return state;
    }

    public TransferState state() {
        return state.get();
    }

    /** Total bytes (-1 unknown). */
    public LongProperty sizeProperty() {
        return size;
    }

    public LongProperty doneProperty() {
        return done;
    }

    /** 0..1, or -1 (indeterminate) while the size is unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Bytes per second of the current run. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    /** Why it failed ("" otherwise). */
    public StringProperty errorProperty() {
        return error;
    }

    void update(long bytesDone, double bytesPerSecond) {
        done.set(bytesDone);
        speed.set(bytesPerSecond);
        long total = size.get();
        progress.set(total > 0 ? Math.min(1.0, bytesDone / (double) total) : total == 0 ? 1.0 : -1);
        eta.set(total > 0 && bytesPerSecond > 0
                ? Formats.duration(java.time.Duration.ofSeconds((long) ((total - bytesDone) / bytesPerSecond))) : "");
    }

    @Override
    public String toString() {
        return direction() + " " + name() + " " + state.get();
    }
}
