package io.migratewatch.source;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An XML mapping file next to the sources — JPA's {@code orm.xml} or Hibernate's legacy
 * {@code *.hbm.xml} — read only as far as knowing which classes and tables it maps, so that
 * what it maps is never mistaken for a table the models do not want.
 *
 * @param classes the classes it maps, in order
 * @param tables  every table it names (the classes', secondary, join and collection tables)
 */
record XmlMapping(Path file, Kind kind, int line, List<MappedClass> classes, Set<String> tables) {

    enum Kind { ORM_XML, HBM_XML }

    /**
     * @param name       the qualified class name (hbm.xml's package applied)
     * @param entityName the entity name written in the file, or null
     * @param table      the table written in the file, or null (then the class's own mapping, or its default, decides)
     */
    record MappedClass(String name, String entityName, String table, int line) {
    }

    XmlMapping {
        classes = List.copyOf(classes);
        tables = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(tables));   // in the file's order
    }

    static boolean isMappingFile(Path file) {
        Path name = file.getFileName();
        return name != null && (name.toString().equals("orm.xml") || name.toString().endsWith(".hbm.xml"));
    }

    /** @throws SourceException when the file is not well-formed XML or cannot be read */
    static XmlMapping read(Path file) {
        Kind kind = file.getFileName().toString().endsWith(".hbm.xml") ? Kind.HBM_XML : Kind.ORM_XML;
        Handler handler = new Handler(kind);
        try (InputStream in = Files.newInputStream(file)) {
            parser().parse(in, handler);
        } catch (SAXParseException e) {
            throw new SourceException(new SourceProblem(file, Math.max(e.getLineNumber(), 0), 0,
                    "this mapping file is not well-formed XML: " + e.getMessage()));
        } catch (SAXException | IOException e) {
            throw new SourceException(new SourceProblem(file, 0, 0, "cannot read this mapping file: " + e.getMessage()));
        }
        return new XmlMapping(file, kind, handler.firstLine, handler.classes, handler.tables);
    }

    private static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            // hbm.xml files name Hibernate's DTD by URL: never fetch it, nor any other external entity
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    private static final class Handler extends DefaultHandler {

        private static final Set<String> ORM_TABLES = Set.of("table", "secondary-table", "join-table", "collection-table");
        private static final Set<String> HBM_CLASSES = Set.of("class", "joined-subclass", "union-subclass");
        private static final Set<String> HBM_COLLECTIONS = Set.of("set", "bag", "idbag", "list", "map", "array", "primitive-array");

        private final Kind kind;
        private final List<MappedClass> classes = new ArrayList<>();
        private final Set<String> tables = new LinkedHashSet<>();
        private final Deque<String> elements = new ArrayDeque<>();
        private Locator locator;
        private int firstLine;
        private String hbmPackage = "";
        private MappedClass currentEntity;
        // orm.xml's <package>: the package of unqualified class names; it comes before the entities
        private String ormPackageName = "";

        Handler(Kind kind) {
            this.kind = kind;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));   // the DTD is not needed to read names
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String element = localName == null || localName.isEmpty() ? qName : localName;
            int line = locator == null ? 0 : locator.getLineNumber();
            if (firstLine == 0) {
                firstLine = line;
            }
            String parent = elements.peek();
            elements.push(element);
            if (kind == Kind.ORM_XML) {
                if (element.equals("entity")) {
                    currentEntity = new MappedClass(qualified(attributes.getValue("class"), ormPackage()),
                            attributes.getValue("name"), null, line);
                    classes.add(currentEntity);
                } else if (ORM_TABLES.contains(element) && attributes.getValue("name") != null) {
                    tables.add(attributes.getValue("name"));
                    if (element.equals("table") && "entity".equals(parent) && currentEntity != null) {
                        MappedClass withTable = new MappedClass(currentEntity.name(), currentEntity.entityName(),
                                attributes.getValue("name"), currentEntity.line());
                        classes.set(classes.size() - 1, withTable);
                        currentEntity = withTable;
                    }
                }
                return;
            }
            if (element.equals("hibernate-mapping") && attributes.getValue("package") != null) {
                hbmPackage = attributes.getValue("package");
            } else if (HBM_CLASSES.contains(element)) {
                String table = attributes.getValue("table");
                classes.add(new MappedClass(qualified(attributes.getValue("name"), hbmPackage),
                        attributes.getValue("entity-name"), table, line));
                if (table != null) {
                    tables.add(table);
                }
            } else if (element.equals("subclass")) {
                // a single-table subclass: its rows live in its parent's table, which is named already
                return;
            } else if (HBM_COLLECTIONS.contains(element) && attributes.getValue("table") != null) {
                tables.add(attributes.getValue("table"));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String element = elements.pop();
            if (element.equals("entity")) {
                currentEntity = null;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (kind == Kind.ORM_XML && "package".equals(elements.peek())) {
                ormPackageName = (ormPackageName + new String(ch, start, length)).strip();
            }
        }

        private String ormPackage() {
            return ormPackageName;
        }

        private static String qualified(String name, String pkg) {
            if (name == null) {
                return null;
            }
            return name.contains(".") || pkg.isEmpty() ? name : pkg + "." + name;
        }
    }
}
