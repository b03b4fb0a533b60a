package org.clearframe.ui.studio;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clearframe.register.StudioReport;
import org.clearframe.store.register.RegisterException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * The Studio window's state: the register's address (remembered for this user, never in a production file), the
 * report's productions and findings, and whether a refresh is running. The report is read on {@code background};
 * results land through {@code onFx}. Holds no nodes, so a test drives it without a window.
 */
public final class StudioViewModel {

    static final String ADDRESS_KEY = "registerAddress";

    private final StringProperty address = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Enter the register's address and press Refresh.");
    private final ReadOnlyStringWrapper findings = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<StudioReport.Line> productions = FXCollections.observableArrayList();
    private final Executor background;
    private final Consumer<Runnable> onFx;
    private final Consumer<String> remember;

    /** {@code remembered} is the address used last; {@code remember} keeps one that worked (the user's preferences in the app). */
    public StudioViewModel(Executor background, Consumer<Runnable> onFx, String remembered, Consumer<String> remember) {
        this.background = background;
        this.onFx = onFx;
        this.remember = remember;
        address.set(remembered == null ? "" : remembered);
    }

    public StringProperty addressProperty() { return address; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty findingsProperty() { return findings.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ObservableList<StudioReport.Line> productions() { return productions; }

    /** Reads the report from the register in the background; the address is remembered once it worked. */
    public void refresh() {
        String typed = address.get() == null ? "" : address.get().strip();
        if (typed.isEmpty()) {
            status.set("Enter the register's address, such as postgresql://register.studio.example/clearframe.");
            return;
        }
        busy.set(true);
        status.set("Reading the studio register\u2026");
        background.execute(() -> {
            try {
                StudioReport report = StudioReport.read(typed, LocalDate.now());
                onFx.accept(() -> show(typed, report));
            } catch (RegisterException | RuntimeException e) {
                onFx.accept(() -> {
                    busy.set(false);
                    status.set(e.getMessage());
                });
            }
        });
    }

    private void show(String typed, StudioReport report) {
        busy.set(false);
        remember.accept(typed);
        productions.setAll(report.productions());
        status.set(report.productions().size() + " productions; " + report.blocked().size() + " with open blocking flags; "
                + report.waitingOnStudio().size() + " waiting on the studio AI contact (as of " + report.today() + ").");
        findings.set(String.join("\n", describe(report)));
    }

    /** The cross-production findings, one line each, in the words of the command line's report. */
    static List<String> describe(StudioReport r) {
        List<String> lines = new ArrayList<>();
        for (StudioReport.Person p : r.people()) {
            lines.add("Same person in " + p.uses().size() + " productions with replica, likeness or voice uses: " + p.name()
                    + (p.memberId() == null ? "" : " (" + p.memberId() + ")") + " \u2014 "
                    + String.join(", ", p.uses().stream().map(StudioReport.Use::title).toList()));
        }
        for (StudioReport.Tool t : r.tools()) {
            lines.add("Vendor may train on uploads: " + t.tool() + " \u2014 " + String.join(", ", t.uses().stream().map(StudioReport.Use::title).toList()));
        }
        for (StudioReport.OlderPolicy p : r.olderPolicies()) {
            lines.add("Older policy: " + p.title() + " is under " + p.policy() + " " + p.version() + "; the newest is " + p.newest() + ".");
        }
        if (lines.isEmpty()) lines.add("No cross-production findings.");
        return lines;
    }

    static String rememberedAddress() {
        return Preferences.userNodeForPackage(StudioViewModel.class).get(ADDRESS_KEY, "");
    }

    static void remember(String typed) {
        Preferences.userNodeForPackage(StudioViewModel.class).put(ADDRESS_KEY, typed);
    }
}
