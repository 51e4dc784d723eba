package io.migratewatch.fidelity;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A model set compiled with the JDK's compiler against the test classpath (so jakarta.persistence, Bean Validation
 * and Hibernate's annotations resolve) and loaded in its own class loader, child of the test's.
 *
 * @param managed the classes a Spring Boot entity scan would hand to Hibernate: {@code @Entity},
 *                {@code @Embeddable}, {@code @MappedSuperclass} and {@code @Converter}
 */
public record CompiledModel(ModelSet set, Path classes, URLClassLoader loader, List<Class<?>> managed) implements AutoCloseable {

    public static CompiledModel compile(ModelSet set, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the fidelity test needs a JDK (no system Java compiler in " + System.getProperty("java.home") + ")");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    "--release", "17", "-encoding", "UTF-8", "-proc:none", "-nowarn");
            // a Hibernate 5 set compiles as its jakarta twin (LegacyTwin says how it is translated)
            List<Path> sources = LegacyTwin.isLegacy(set)
                    ? LegacyTwin.translate(set, classes.resolveSibling(classes.getFileName() + "-jakarta")) : set.sources();
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                throw new IllegalStateException("model set " + set.name() + " does not compile:\n" + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("\n")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URLClassLoader loader = new URLClassLoader("fidelity-" + set.name(), new URL[]{url(classes)},
                CompiledModel.class.getClassLoader());
        List<Class<?>> managed = new ArrayList<>();
        for (String name : classNames(classes)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("compiled class " + name + " cannot be loaded", e);
            }
            if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                    || type.isAnnotationPresent(MappedSuperclass.class) || type.isAnnotationPresent(Converter.class)) {
                managed.add(type);
            }
        }
        return new CompiledModel(set, classes, loader, List.copyOf(managed));
    }

    private static URL url(Path folder) {
        try {
            return folder.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classNames(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> {
                        // com/example/Pet$Sex.class -> com.example.Pet$Sex, whatever the file system's separator
                        List<String> parts = new ArrayList<>();
                        classes.relativize(p).forEach(part -> parts.add(part.toString()));
                        String binary = String.join(".", parts);
                        return binary.substring(0, binary.length() - ".class".length());
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
