package com.example.petstore.support;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-friendly names for products and pets. */
public final class Slugs {

    private static final Pattern NON_WORD = Pattern.compile("[^\\w-]+");
    private static final Pattern DASHES = Pattern.compile("-{2,}");

    private Slugs() {
    }

    public static String of(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = NON_WORD.matcher(plain.toLowerCase(Locale.ROOT).replace(' ', '-')).replaceAll("");
        return DASHES.matcher(slug).replaceAll("-");
    }

    /** A slug that is unique among the taken ones, by appending a counter. */
    public static String unique(String text, java.util.function.Predicate<String> taken) {
        String base = of(text);
        String candidate = base;
        for (int i = 2; taken.test(candidate); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }

    static final class Counter {
        private int next;

        int next() {
            return ++next;
        }
    }
}
