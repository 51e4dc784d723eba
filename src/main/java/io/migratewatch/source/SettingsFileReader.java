package io.migratewatch.source;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads one application settings file into flat {@code key = value} entries, as Spring Boot and Quarkus see them:
 * {@code application.properties} (java.util.Properties), {@code application.yml} (SnakeYAML; nested keys joined with
 * dots, lists joined with commas, one entry list per {@code ---} document) and {@code META-INF/persistence.xml}
 * (the JDK's DOM parser, DTDs and external entities refused). A file that does not parse is a
 * {@link SourceException} naming the file and the line.
 */
final class SettingsFileReader {

    /** One setting, the file and the line it is on (0 when the format does not tell). */
    record Entry(String value, Path file, int line) {
    }

    private SettingsFileReader() {
    }

    /** The documents of the file, each an ordered map of its settings. */
    static List<Map<String, Entry>> read(Path file) {
        String name = String.valueOf(file.getFileName());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw problem(file, 0, "cannot read this file: " + e.getMessage());
        }
        if (name.endsWith(".xml")) {
            return List.of(persistenceXml(file));
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return yaml(file, text);
        }
        return List.of(properties(file, text));
    }

    private static Map<String, Entry> properties(Path file, String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            // only a malformed \\uXXXX escape gets here; Properties does not say where
            throw problem(file, 0, "not a valid properties file: " + e.getMessage());
        }
        List<String> lines = text.lines().toList();
        Map<String, Entry> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            out.put(key, new Entry(p.getProperty(key).strip(), file, lineOf(lines, key)));
        }
        return out;
    }

    /** The first line that starts with the key: Properties keeps no positions, the messages want one. */
    private static int lineOf(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).stripLeading();
            if (l.startsWith(key) && (l.length() == key.length() || " \t=:".indexOf(l.charAt(key.length())) >= 0)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<Map<String, Entry>> yaml(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Entry>> documents = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            // nodes rather than objects: they carry the line of every value
            for (Node document : new Yaml(options).composeAll(reader)) {
                Map<String, Entry> out = new LinkedHashMap<>();
                if (document instanceof MappingNode m) {
                    flatten(file, "", m, out);
                } else if (document != null && !(document instanceof ScalarNode s && s.getValue().isBlank())) {
                    throw problem(file, line(document.getStartMark()), "the document is not a map of settings");
                }
                documents.add(out);
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw problem(file, mark == null ? 0 : line(mark), "not valid YAML: " + firstLine(e.getProblem()));
        } catch (YAMLException | IOException e) {
            throw problem(file, 0, "not valid YAML: " + firstLine(e.getMessage()));
        }
        return documents;
    }

    private static void flatten(Path file, String prefix, MappingNode map, Map<String, Entry> out) {
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            // Spring's "[a.b]" bracket notation keeps dots inside one key
            if (key.startsWith("[") && key.endsWith("]")) {
                key = key.substring(1, key.length() - 1);
            }
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            Node value = t.getValueNode();
            if (value instanceof MappingNode m) {
                flatten(file, full, m, out);
            } else if (value instanceof SequenceNode seq) {
                String joined = seq.getValue().stream().map(n -> n instanceof ScalarNode s ? s.getValue() : "")
                        .collect(Collectors.joining(","));
                out.put(full, new Entry(joined, file, line(value.getStartMark())));
            } else if (value instanceof ScalarNode s) {
                out.put(full, new Entry(s.getValue().strip(), file, line(value.getStartMark())));
            }
        }
    }

    /**
     * The first persistence unit's {@code <property name value>} elements, and its {@code <validation-mode>} as
     * {@code jakarta.persistence.validation.mode}.
     */
    private static Map<String, Entry> persistenceXml(Path file) {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = secureBuilder().parse(in);
        } catch (SAXParseException e) {
            throw problem(file, Math.max(e.getLineNumber(), 0), "not valid XML: " + firstLine(e.getMessage()));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw problem(file, 0, "not valid XML: " + firstLine(e.getMessage()));
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        NodeList units = doc.getElementsByTagNameNS("*", "persistence-unit");
        if (units.getLength() == 0) {
            return out;
        }
        Element unit = (Element) units.item(0);
        NodeList modes = unit.getElementsByTagNameNS("*", "validation-mode");
        if (modes.getLength() > 0) {
            out.put("jakarta.persistence.validation.mode", new Entry(modes.item(0).getTextContent().strip(), file, 0));
        }
        NodeList properties = unit.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            out.put(p.getAttribute("name").strip(), new Entry(p.getAttribute("value").strip(), file, 0));
        }
        return out;
    }

    // no DTDs, no external entities or schemas, no XInclude: a settings file must not make us read other files
    private static DocumentBuilder secureBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        // throws on fatal errors without printing "[Fatal Error]" to the terminal
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return builder;
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    static SourceException problem(Path file, int line, String message) {
        return new SourceException(new SourceProblem(file, line, line > 0 ? 1 : 0, message));
    }
}
