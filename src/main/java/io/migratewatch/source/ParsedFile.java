package io.migratewatch.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One successfully parsed source file. {@code version} grows with every parse in the index, so a
 * cached entity mapping can tell whether a file it read has changed since.
 *
 * @param types     every type the file declares, nested ones included
 * @param typeNames their qualified names: when these change, name resolution elsewhere may change
 */
record ParsedFile(Path path, long version, FileImports imports, List<TypeInfo> types, Set<String> typeNames) {
}
