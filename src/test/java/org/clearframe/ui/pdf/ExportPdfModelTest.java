package org.clearframe.ui.pdf;

import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.pdf.PaperSize;
import org.clearframe.pdf.SampleBreakdown;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ExportPdfModelTest {

    @Test
    void startsBesideTheProductionFileWithAllDepartments() {
        SampleBreakdown sample = SampleBreakdown.create();
        ExportPdfModel model = new ExportPdfModel(sample.data, Path.of("/films/salt/The Salt Road.clearframe"));
        assertEquals(Path.of("/films/salt/The Salt Road - AI breakdown.pdf"), model.outputPath());
        assertEquals(ExportPdfModel.ALL_DEPARTMENTS, model.departments().get(0));
        assertTrue(model.departments().containsAll(List.of("VFX", "Sound", "Cast", "Legal")));
        assertEquals("", model.options("abc").department(), "all departments is no filter");
        assertEquals("abc", model.options("abc").fingerprint());
        assertTrue(model.readyProperty().get());
    }

    @Test
    void choicesBecomeExportOptions() {
        SampleBreakdown sample = SampleBreakdown.create();
        ExportPdfModel model = new ExportPdfModel(sample.data, null);
        model.paperProperty().set(PaperSize.US_LETTER);
        model.departmentProperty().set("VFX");
        model.flaggedOnlyProperty().set(true);
        model.outputProperty().set("/tmp/out");
        var options = model.options("");
        assertEquals(PaperSize.US_LETTER, options.paper());
        assertEquals("VFX", options.department());
        assertTrue(options.flaggedOnly());
        assertEquals(Path.of("/tmp/out.pdf"), model.outputPath(), "the .pdf extension is added");
        model.outputProperty().set("  ");
        assertFalse(model.readyProperty().get(), "no path, no export");
    }

    @Test
    void theSuggestedNameDropsCharactersFileSystemsRefuse() {
        assertEquals("Act 1 Scene 2 - AI breakdown.pdf", ExportPdfModel.defaultFileName("Act 1: Scene/2"));
        assertEquals("Production - AI breakdown.pdf", ExportPdfModel.defaultFileName(" "));
        assertEquals("Zoë's Łódź - AI breakdown.pdf", ExportPdfModel.defaultFileName("Zoë's Łódź"));
        ProductionData untitled = new ProductionData(Production.titled(""), List.of(), List.of(), List.of(), List.of(), List.of(), "");
        assertTrue(new ExportPdfModel(untitled, null).outputPath().toString().endsWith("Production - AI breakdown.pdf"));
    }
}
