package io.icesync.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md compiles against the modules. A block that declares a class
 * is compiled as a file; any other block is a fragment, compiled as the body of a method. The
 * line {@code <!-- given: char[] password, Path dir -->} just before a fragment's fence declares the
 * method's parameters (what the fragment takes from its surroundings). Both get {@link #IMPORTS}.
 */
class ReadmeSnippetsTest {

    static final List<String> IMPORTS = List.of(
            "import static org.assertj.core.api.Assertions.*;",
            "import io.icesync.client.*;", "import io.icesync.core.*;", "import io.icesync.core.engine.*;",
            "import io.icesync.core.settings.*;", "import io.icesync.testkit.*;",
            "import java.nio.file.*;", "import java.util.*;", "import java.util.stream.Stream;",
            "import org.junit.jupiter.api.*;", "import org.junit.jupiter.api.io.TempDir;");

    private static final Pattern DECLARES_TYPE = Pattern.compile(
            "^(@[\\w.]+(\\(.*\\))?\\s*)*(public\\s+|final\\s+|abstract\\s+)*(class|record|interface|enum)\\s",
            Pattern.MULTILINE);

    @TempDir
    Path out;

    @Test
    void everyJavaBlockOfTheReadmeCompiles() throws Exception {
        List<Snippet> snippets = snippets(Files.readAllLines(readme(), StandardCharsets.UTF_8));
        assertThat(snippets).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(2);

        List<String> failures = new ArrayList<>();
        for (Snippet s : snippets) {
            String errors = compile(s);
            if (!errors.isEmpty()) {
                failures.add("README.md line " + s.line() + ":\n" + errors);
            }
        }
        assertThat(failures).as("README snippets that do not compile").isEmpty();
    }

    static Path readme() {
        Path p = Path.of("README.md").toAbsolutePath();
        return Files.exists(p) ? p : p.getParent().getParent().resolve("README.md");
    }

    record Snippet(int line, String given, List<String> imports, String body) {
    }

    static List<Snippet> snippets(List<String> lines) {
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String given = i > 0 && lines.get(i - 1).strip().startsWith("<!-- given:")
                    ? lines.get(i - 1).strip().replaceAll("^<!-- given:\\s*|\\s*-->$", "") : "";
            int start = i + 1;
            List<String> imports = new ArrayList<>();
            StringBuilder body = new StringBuilder();
            for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                String l = lines.get(i);
                if (l.startsWith("import ")) {
                    imports.add(l);
                } else {
                    body.append(l).append('\n');
                }
            }
            found.add(new Snippet(start, given, imports, body.toString()));
        }
        return found;
    }

    private String compile(Snippet s) throws Exception {
        String name = "ReadmeSnippet" + s.line();
        StringBuilder src = new StringBuilder("package readme;\n");
        s.imports().forEach(i -> src.append(i).append('\n'));
        IMPORTS.forEach(i -> src.append(i).append('\n'));
        if (DECLARES_TYPE.matcher(s.body()).find()) {
            src.append(s.body());
        } else {
            src.append("class ").append(name).append(" {\n  void run(").append(s.given())
                    .append(") throws Exception {\n").append(s.body()).append("  }\n}\n");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/" + name + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return src;
            }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                "-d", Files.createDirectories(out.resolve(name)).toString(), "-proc:none", "-Xlint:none");
        boolean ok = javac.getTask(new StringWriter(), null, diagnostics, options, null, List.of(file)).call();
        StringBuilder errors = new StringBuilder();
        if (!ok) {
            diagnostics.getDiagnostics().forEach(d -> errors.append("  ").append(d.getLineNumber()).append(": ")
                    .append(d.getMessage(Locale.ROOT)).append('\n'));
            errors.append(src);
        }
        return errors.toString();
    }
}
