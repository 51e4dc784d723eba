package io.migratewatch.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code // @renamed from=old_name} comments: on a field it marks a column rename, on a class
 * a table rename, so the diff keeps the data instead of dropping and adding.
 */
final class RenameComments {

    private static final Pattern RENAMED = Pattern.compile("@renamed\\s+from\\s*=\\s*([\\w$.`\"]+)");

    private RenameComments() {
    }

    /** The old name written in a rename comment on or inside this declaration (before its body). */
    static Optional<String> renamedFrom(Node declaration, Node stopAt) {
        List<Comment> comments = new ArrayList<>();
        declaration.getComment().ifPresent(comments::add);
        for (Comment c : declaration.getAllContainedComments()) {
            // comments inside a class body belong to its members, not to the class
            if (stopAt == null || c.getBegin().isEmpty() || stopAt.getBegin().isEmpty()
                    || c.getBegin().get().isBefore(stopAt.getBegin().get())) {
                comments.add(c);
            }
        }
        for (Comment c : comments) {
            Matcher m = RENAMED.matcher(c.getContent());
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
