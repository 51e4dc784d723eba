package io.migratewatch.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hibernate 7 cannot compile a Hibernate 5 application (javax.persistence, {@code @Type(type = "name")}). For a
 * model set written that way, Hibernate exports its jakarta twin instead: a copy of the sources in which
 * {@code javax.persistence} / {@code javax.validation} become {@code jakarta.…} and each {@code @Type(type = "…")}
 * becomes the Hibernate 7 mapping that stands for it, listed in {@link #TRANSLATIONS}. migrate-watch reads the
 * untouched legacy sources. So the comparison shows that migrate-watch maps a legacy application as Hibernate 7
 * maps it once ported in these stated ways, not what Hibernate 5 created.
 */
final class LegacyTwin {

    /** Each legacy type name and the Hibernate 7 annotation a port writes in its place ("" for none). */
    static final Map<String, String> TRANSLATIONS = Map.of(
            "text", "@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.LONG32VARCHAR)",
            "org.hibernate.type.TextType", "@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.LONG32VARCHAR)",
            "yes_no", "@jakarta.persistence.Convert(converter = org.hibernate.type.YesNoConverter.class)",
            "true_false", "@jakarta.persistence.Convert(converter = org.hibernate.type.TrueFalseConverter.class)",
            "numeric_boolean", "@jakarta.persistence.Convert(converter = org.hibernate.type.NumericBooleanConverter.class)",
            "jsonb", "@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)",
            "pg-uuid", "");

    private static final Pattern LEGACY_TYPE = Pattern.compile("@Type\\(\\s*type\\s*=\\s*\"([^\"]+)\"\\s*\\)");

    private LegacyTwin() {
    }

    /** Whether the set is written for Hibernate 5 (imports javax.persistence). */
    static boolean isLegacy(ModelSet set) {
        return set.sources().stream().anyMatch(p -> read(p).contains("import javax.persistence."));
    }

    /** The twin's sources, written under {@code folder}. */
    static List<Path> translate(ModelSet set, Path folder) {
        List<Path> out = new ArrayList<>();
        for (Path source : set.sources()) {
            String text = read(source).replace("javax.persistence.", "jakarta.persistence.")
                    .replace("javax.validation.", "jakarta.validation.");
            Matcher m = LEGACY_TYPE.matcher(text);
            StringBuilder translated = new StringBuilder();
            while (m.find()) {
                String replacement = TRANSLATIONS.get(m.group(1));
                if (replacement == null) {
                    throw new IllegalStateException("model set " + set.name() + ": no Hibernate 7 translation for @Type(type = \""
                            + m.group(1) + "\") in " + source + ": add one to LegacyTwin.TRANSLATIONS");
                }
                m.appendReplacement(translated, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(translated);
            Path target = folder.resolve(set.root().relativize(source));
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, translated.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.add(target);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
