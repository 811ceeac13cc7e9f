package dev.belay.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.belay.test.TemporaryDirectories;

/**
 * Compiles generated sources in the test, against the test class path, and loads the classes, as
 * a project's build would compile a revision that {@code belay generate} wrote.
 */
public final class TestCompiler {

    private TestCompiler() {
    }

    /**
     * Compiles the sources (fully qualified class name to source) together, with
     * {@code -Xlint:all -Werror} so that a warning fails too, and loads them in a new class loader
     * whose parent is the test's.
     * @throws AssertionError listing the diagnostics and the sources when javac fails
     */
    public static ClassLoader compile(Map<String, String> sources) {
        try {
            Path output = TemporaryDirectories.create("belay-compiled");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, source) -> units.add(new Source(name, source)));
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
                        output.toString(), "--release", "17", "-Xlint:all,-processing,-path", "-Werror",
                        "-proc:none", "-encoding", "UTF-8");
                boolean compiled = javac.getTask(null, files, diagnostics, options, null, units).call();
                if (!compiled) {
                    throw new AssertionError("javac failed:\n" + diagnostics.getDiagnostics()
                        .stream()
                        .map(TestCompiler::describe)
                        .collect(Collectors.joining("\n")) + "\n\n" + String.join("\n\n", sources.values()));
                }
            }
            return new URLClassLoader(new URL[] { output.toUri().toURL() }, TestCompiler.class.getClassLoader());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Compiles one source and loads its class. */
    public static Class<?> compile(String className, String source) {
        try {
            return Class.forName(className, true, compile(Map.of(className, source)));
        }
        catch (ClassNotFoundException ex) {
            throw new AssertionError(ex);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        return diagnostic.getKind() + " " + ((diagnostic.getSource() != null) ? diagnostic.getSource().getName() : "")
                + ":" + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(Locale.ROOT);
    }

    private static final class Source extends SimpleJavaFileObject {

        private final String source;

        Source(String className, String source) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return this.source;
        }

    }


}
