package io.migratewatch.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The package and imports of one source file: what a simple name in that file can refer to.
 *
 * @param singleTypes    simple name → qualified name ({@code import a.b.Limits;})
 * @param onDemand       packages or types imported with {@code .*}
 * @param staticSingles  member name → qualified owner ({@code import static a.b.Limits.NAME;})
 * @param staticOnDemand owners imported with {@code import static a.b.Limits.*;}
 */
record FileImports(String packageName, Map<String, String> singleTypes, List<String> onDemand,
                   Map<String, String> staticSingles, List<String> staticOnDemand) {

    static FileImports of(CompilationUnit cu) {
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        Map<String, String> singles = new HashMap<>();
        List<String> demand = new ArrayList<>();
        Map<String, String> staticSingles = new HashMap<>();
        List<String> staticDemand = new ArrayList<>();
        for (ImportDeclaration imp : cu.getImports()) {
            String name = imp.getNameAsString();
            if (imp.isStatic()) {
                if (imp.isAsterisk()) {
                    staticDemand.add(name);
                } else {
                    int dot = name.lastIndexOf('.');
                    if (dot > 0) {
                        staticSingles.put(name.substring(dot + 1), name.substring(0, dot));
                    }
                }
            } else if (imp.isAsterisk()) {
                demand.add(name);
            } else {
                singles.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        return new FileImports(pkg, Map.copyOf(singles), List.copyOf(demand), Map.copyOf(staticSingles),
                List.copyOf(staticDemand));
    }

    /** The qualified name a top-level type of this file's package would have. */
    String inPackage(String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
