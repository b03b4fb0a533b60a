package org.clearframe.importer;

import org.clearframe.importer.ImportException.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Final Draft (.fdx) screenplay: {@code FinalDraft/Content/Paragraph} elements with a {@code Type}
 * ("Scene Heading", "Action", "Character", "Dialogue", "Parenthetical", "Transition"...) and {@code Text} runs.
 * A heading's number comes from the paragraph's {@code Number} attribute (or its SceneProperties), its length
 * from SceneProperties' {@code Length} when Final Draft wrote one.
 *
 * <p>An FDX file comes from outside, so the XML parser is locked down: a document type declaration is refused
 * outright (Final Draft never writes one, and without it there are no entities to expand, external or
 * recursive), and external DTDs, external entities and XInclude are switched off as well in case that refusal
 * is ever loosened.
 */
public final class FdxParser {

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);

    private FdxParser() {}

    public static Screenplay parse(Path file) throws ImportException {
        return parse(SourceText.read(file, "script", false), file);
    }

    /** Parses FDX text; {@code source} names the file in messages. */
    public static Screenplay parse(String xml, Path source) throws ImportException {
        String name = SourceText.name(source);
        Document doc;
        try {
            doc = newBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            if (DOCTYPE.matcher(xml).find()) throw unsafe(source, e); // the parser refused the declaration
            throw new ImportException(Problem.MALFORMED, source, name + " is not a readable Final Draft file: the XML is broken at line "
                    + e.getLineNumber() + " (" + e.getMessage() + ").", e);
        } catch (SAXException | IOException e) {
            throw new ImportException(Problem.MALFORMED, source, name + " is not a readable Final Draft file: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"FinalDraft".equals(root.getTagName())) {
            throw new ImportException(Problem.NOT_A_SCREENPLAY, source, name + " is XML but not a Final Draft script (its root element is <"
                    + root.getTagName() + ">, not <FinalDraft>).");
        }
        List<ScriptScene> scenes = new ArrayList<>();
        Element content = child(root, "Content");
        if (content != null) readContent(content, scenes);
        if (scenes.isEmpty()) {
            throw new ImportException(Problem.NOT_A_SCREENPLAY, source, name + " has no scene headings (no Paragraph of Type \"Scene Heading\"), "
                    + "so there are no scenes to import.");
        }
        return new Screenplay(titlePage(child(root, "TitlePage")), scenes);
    }

    private static ImportException unsafe(Path source, Exception cause) {
        return new ImportException(Problem.UNSAFE, source, SourceText.name(source) + " contains a document type declaration (<!DOCTYPE ...>), "
                + "which Final Draft never writes and which can make an XML file read other files or exhaust memory. "
                + "Clearframe refuses it; export the script from Final Draft again.", cause);
    }

    static DocumentBuilder newBuilder() throws ImportException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            f.setValidating(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            b.setErrorHandler(new Strict()); // the default handler prints to standard error
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
    }

    private static final class Strict implements ErrorHandler {
        @Override public void warning(SAXParseException e) {}
        @Override public void error(SAXParseException e) throws SAXException { throw e; }
        @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
    }

    /** Walks the paragraphs in document order, including those nested in Final Draft's DualDialogue blocks. */
    private static void readContent(Element content, List<ScriptScene> scenes) {
        List<Element> paragraphs = new ArrayList<>();
        collectParagraphs(content, paragraphs);
        SceneBuilder scene = null;
        int length = -1;
        String previousType = "";
        for (Element p : paragraphs) {
            String type = p.getAttribute("Type").trim().toLowerCase(Locale.ROOT);
            String text = text(p);
            switch (type) {
                case "scene heading" -> {
                    if (scene != null) scenes.add(scene.build(length));
                    Element props = child(p, "SceneProperties");
                    SceneHeadings.Heading h = SceneHeadings.parse(text);
                    String number = firstNonBlank(p.getAttribute("Number"), props == null ? "" : props.getAttribute("Number"), h.number());
                    h = new SceneHeadings.Heading(h.intExt(), h.set(), h.timeOfDay(), number);
                    scene = new SceneBuilder(h, text);
                    length = props == null ? -1 : PageCount.parseEighths(props.getAttribute("Length"));
                }
                case "character" -> {
                    if (scene != null) scene.cue(ScriptText.characterName(text));
                }
                case "dialogue" -> {
                    if (scene != null) scene.dialogue(text);
                }
                case "parenthetical" -> {
                    if (scene != null) scene.parenthetical(text);
                }
                case "action" -> {
                    if (scene != null) scene.action(text, true);
                }
                default -> { // transitions, shots, general text: page space only
                    if (scene != null && !text.isBlank()) scene.other(text, !previousType.equals(type));
                }
            }
            previousType = type;
        }
        if (scene != null) scenes.add(scene.build(length));
    }

    private static void collectParagraphs(Element parent, List<Element> into) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            if (e.getTagName().equals("Paragraph")) {
                into.add(e);
                collectParagraphs(e, into); // a DualDialogue block sits inside a paragraph
            } else if (e.getTagName().equals("DualDialogue")) {
                collectParagraphs(e, into);
            }
        }
    }

    /** A paragraph's text: its Text runs joined (bold, italic and revision marks split a line into several runs). */
    private static String text(Element paragraph) {
        StringBuilder b = new StringBuilder();
        for (Node n = paragraph.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("Text")) b.append(e.getTextContent());
        }
        return b.toString().replace('\u00A0', ' ').replace("\t", " ").trim();
    }

    /**
     * Final Draft keeps the title page as free paragraphs. The first line is taken as the title, and the line
     * after "Written by" (or "by", "Screenplay by") as the author.
     */
    private static Map<String, String> titlePage(Element titlePage) {
        Map<String, String> page = new LinkedHashMap<>();
        if (titlePage == null) return page;
        Element content = child(titlePage, "Content");
        if (content == null) return page;
        List<Element> paragraphs = new ArrayList<>();
        collectParagraphs(content, paragraphs);
        List<String> lines = paragraphs.stream().map(FdxParser::text).filter(s -> !s.isBlank()).toList();
        if (lines.isEmpty()) return page;
        page.put("title", lines.get(0));
        for (int i = 1; i + 1 < lines.size(); i++) {
            if (lines.get(i).toLowerCase(Locale.ROOT).matches("(written |screenplay |teleplay |story )?by:?")) {
                page.put("author", lines.get(i + 1));
                break;
            }
        }
        return page;
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) return e;
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.trim();
        return null;
    }
}
