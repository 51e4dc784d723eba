package io.migratewatch.fidelity;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A model set compiled with the JDK's compiler and loaded in its own class loader: for Hibernate 7 against the test
 * classpath (so jakarta.persistence, Bean Validation and Hibernate's annotations resolve), child of the test's
 * loader; for Hibernate 6.6 against its own jars ({@link Hibernate6}).
 *
 * @param managed the classes a Spring Boot entity scan would hand to Hibernate: {@code @Entity},
 *                {@code @Embeddable}, {@code @MappedSuperclass} and {@code @Converter}
 */
public record CompiledModel(ModelSet set, Path classes, URLClassLoader loader, List<Class<?>> managed) implements AutoCloseable {

    /** Recognised by name: a set compiled for Hibernate 6.6 has jakarta.persistence 3.1's annotations, not the test's. */
    private static final Set<String> MANAGED = Set.of("jakarta.persistence.Entity", "jakarta.persistence.Embeddable",
            "jakarta.persistence.MappedSuperclass", "jakarta.persistence.Converter");

    /** Against the test classpath, loaded by a child of the test's loader. */
    public static CompiledModel compile(ModelSet set, Path classes) {
        List<Path> classpath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).map(Path::of).toList();
        return compile(set, classes, classpath, List.of(), CompiledModel.class.getClassLoader());
    }

    /**
     * Against {@code classpath}, loaded by a child of {@code parent} that also sees {@code alsoLoaded}.
     *
     * @throws IllegalStateException when the set does not compile, with javac's errors
     */
    public static CompiledModel compile(ModelSet set, Path classes, List<Path> classpath, List<Path> alsoLoaded, ClassLoader parent) {
        // a Hibernate 5 set compiles as its jakarta twin (LegacyTwin says how it is translated)
        List<Path> sources = LegacyTwin.isLegacy(set)
                ? LegacyTwin.translate(set, classes.resolveSibling(classes.getFileName() + "-jakarta")) : set.sources();
        javac("model set " + set.name(), sources, classes, classpath);
        List<Path> paths = new ArrayList<>(alsoLoaded);
        paths.add(classes);
        URLClassLoader loader = new URLClassLoader("fidelity-" + set.name(), urls(paths), parent);
        List<Class<?>> managed = new ArrayList<>();
        for (String name : classNames(classes)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("compiled class " + name + " cannot be loaded", e);
            }
            if (Arrays.stream(type.getAnnotations()).anyMatch(a -> MANAGED.contains(a.annotationType().getName()))) {
                managed.add(type);
            }
        }
        return new CompiledModel(set, classes, loader, List.copyOf(managed));
    }

    /** Compiles {@code sources} into {@code classes} for Java 17, or fails with javac's errors naming {@code what}. */
    static void javac(String what, List<Path> sources, Path classes, List<Path> classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the fidelity test needs a JDK (no system Java compiler in " + System.getProperty("java.home") + ")");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            List<String> options = List.of("-d", classes.toString(), "-classpath",
                    classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                    "--release", "17", "-encoding", "UTF-8", "-proc:none", "-nowarn");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                throw new IllegalStateException(what + " does not compile:\n" + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("\n")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URL[] urls(List<Path> paths) {
        return paths.stream().map(CompiledModel::url).toArray(URL[]::new);
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
