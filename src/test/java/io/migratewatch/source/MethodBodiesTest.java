package io.migratewatch.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MethodBodiesTest {

    @Test
    void methodAndConstructorBodiesAreBlankedAndEverythingElseStaysInPlace() {
        String source = """
                @Entity @Table(name = "a", indexes = { @Index(columnList = "x") })
                public class A extends B<C> {
                    static final String S = "}{";
                    char c = '{';
                    @Column(length = 10) String name;
                    A() { this.name = "x"; }
                    String name() throws java.io.IOException { if (name != null) { return "{"; } return name; }
                    // a comment { with a brace
                    enum E { ONE(1) { int v() { return 1; } }, TWO(2); E(int v) { } }
                    record R(int x) implements java.io.Serializable { static final int Y = 2; int twice() { return x * 2; } }
                }
                """;
        String blanked = MethodBodies.blank(source);
        assertThat(blanked).hasSameSizeAs(source);
        assertThat(blanked.lines().count()).isEqualTo(source.lines().count());
        assertThat(blanked).contains("@Entity @Table(name = \"a\", indexes = { @Index(columnList = \"x\") })",
                "static final String S = \"}{\";", "char c = '{';", "@Column(length = 10) String name;",
                "String name() throws java.io.IOException {", "// a comment { with a brace",
                "record R(int x) implements java.io.Serializable { static final int Y = 2; int twice() {")
                .doesNotContain("this.name", "return", "v()");
        assertThat(blanked).containsPattern("A\\(\\) \\{\\s+\\}");
    }

    @Test
    void aRecordHeaderIsNotAParameterList() {
        String source = "record P(int x, int y) { static final String T = \"t\"; enum Kind { A } }\n";
        assertThat(MethodBodies.blank(source)).isEqualTo(source);
    }

    @Test
    void textWhoseBracesDoNotPairUpIsLeftForTheParserToReport() {
        String source = "class A { void x() { if (y) { } }\n";
        assertThat(MethodBodies.blank(source)).isEqualTo(source);
        String unterminated = "class A { String s = \"open; }\n";
        assertThat(MethodBodies.blank(unterminated)).isEqualTo(unterminated);
    }
}
