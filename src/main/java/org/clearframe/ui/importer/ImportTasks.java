package org.clearframe.ui.importer;

import javafx.concurrent.Task;
import org.clearframe.importer.ColumnMapping;
import org.clearframe.importer.ScriptImport;
import org.clearframe.importer.ScriptRevision;
import org.clearframe.importer.ShotList;
import org.clearframe.importer.ShotListImport;
import org.clearframe.importer.ShotListPreview;
import org.clearframe.model.ProductionData;

import java.nio.file.Path;

/**
 * The import steps that read (files, previews) as background tasks, so they never run on the FX thread. Run them on an
 * executor, bind a progress bar to {@link Task#progressProperty()} and a label to {@link Task#messageProperty()};
 * a failed task's exception is the ImportException (or store exception) whose message is meant for the producer.
 */
public final class ImportTasks {

    private ImportTasks() {}

    /** File > Import Script... into a new production file. */
    public static Task<ProductionData> importNew(Path script, Path outFile) {
        return new Task<>() {
            @Override protected ProductionData call() throws Exception {
                return ScriptImport.importNew(script, outFile, (step, fraction) -> {
                    updateMessage(step);
                    updateProgress(fraction, 1);
                });
            }
        };
    }

    /** Re-import: reads the script and works out the revision to show in {@link ScriptRevisionDialog}. */
    public static Task<ScriptRevision> previewRevision(ProductionData production, Path script) {
        return new Task<>() {
            @Override protected ScriptRevision call() throws Exception {
                updateMessage("Reading " + script.getFileName());
                updateProgress(-1, 1);
                ScriptRevision revision = ScriptImport.preview(production, script);
                updateProgress(1, 1);
                return revision;
            }
        };
    }

    /** Reads a CSV shot list to show in {@link ColumnMappingDialog}. */
    public static Task<ShotList> readShotList(Path csv) {
        return new Task<>() {
            @Override protected ShotList call() throws Exception {
                updateMessage("Reading " + csv.getFileName());
                return ShotListImport.read(csv);
            }
        };
    }

    /** Works out what a mapped shot list would change. */
    public static Task<ShotListPreview> previewShots(ProductionData production, ShotList shots, ColumnMapping mapping) {
        return new Task<>() {
            @Override protected ShotListPreview call() {
                return ShotListImport.preview(production, shots, mapping);
            }
        };
    }

    // Applying an import is the open Session's job (Session.apply): one transaction, one undoable step.
}
