package org.clearframe.ui.pdf;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clearframe.model.ProductionData;
import org.clearframe.pdf.BreakdownPdf;
import org.clearframe.pdf.ExportOptions;
import org.clearframe.pdf.PaperSize;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** The export dialog's choices, as properties the view binds to; testable without a window. */
public final class ExportPdfModel {

    /** The department list's first entry, meaning no filter. */
    public static final String ALL_DEPARTMENTS = "All departments";

    private final ObjectProperty<PaperSize> paper = new SimpleObjectProperty<>(PaperSize.forLocale(Locale.getDefault(Locale.Category.FORMAT)));
    private final StringProperty department = new SimpleStringProperty(ALL_DEPARTMENTS);
    private final BooleanProperty flaggedOnly = new SimpleBooleanProperty(false);
    private final StringProperty output = new SimpleStringProperty("");
    private final ObservableList<String> departments = FXCollections.observableArrayList();
    private final BooleanBinding ready = Bindings.createBooleanBinding(() -> !output.get().isBlank(), output);

    public ExportPdfModel(ProductionData data, Path productionFile) {
        departments.add(ALL_DEPARTMENTS);
        departments.addAll(BreakdownPdf.departmentNames(data));
        Path folder = productionFile == null || productionFile.toAbsolutePath().getParent() == null
                ? Path.of(System.getProperty("user.home")) : productionFile.toAbsolutePath().getParent();
        output.set(folder.resolve(defaultFileName(data.production().title())).toString());
    }

    /** "The Salt Road - AI breakdown.pdf", without characters that file systems refuse. */
    static String defaultFileName(String title) {
        String safe = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").replaceAll("\\s+", " ").trim();
        return (safe.isEmpty() ? "Production" : safe) + " - AI breakdown.pdf";
    }

    public ExportOptions options(String fingerprint) {
        String dept = department.get() == null || ALL_DEPARTMENTS.equals(department.get()) ? "" : department.get();
        return new ExportOptions(paper.get(), dept, flaggedOnly.get(), fingerprint, LocalDate.now());
    }

    public Path outputPath() {
        String text = output.get().trim();
        return Path.of(text.toLowerCase(Locale.ROOT).endsWith(".pdf") ? text : text + ".pdf");
    }

    public ObjectProperty<PaperSize> paperProperty() { return paper; }
    public StringProperty departmentProperty() { return department; }
    public BooleanProperty flaggedOnlyProperty() { return flaggedOnly; }
    public StringProperty outputProperty() { return output; }
    public ObservableList<String> departments() { return departments; }
    public BooleanBinding readyProperty() { return ready; }
}
