package io.icesync.groupware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API names only IceSync's and the JDK's types: no public or protected member of a public
 * type in io.icesync.groupware (internal packages aside) has ical4j, ez-vcard, Jackson or an
 * internal package in its signature. The parsers' objects are reached through {@link Original}.
 */
class PublicApiTest {
    private static final List<String> FORBIDDEN = List.of("net.fortuna.", "ezvcard.", "com.fasterxml.");

    @Test
    void publicSignaturesNameNoThirdPartyOrInternalType() throws Exception {
        List<Class<?>> types = publicTypes();
        assertThat(types).as("the scan finds the model").contains(Event.class, Event.Builder.class, Contact.class,
                io.icesync.groupware.store.VdirLocalStore.class);

        Set<String> violations = new TreeSet<>();
        for (Class<?> type : types) {
            check(type, "extends", type.getGenericSuperclass(), violations);
            for (Type i : type.getGenericInterfaces()) {
                check(type, "implements", i, violations);
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (exposed(c)) {
                    for (Type p : c.getGenericParameterTypes()) {
                        check(type, "constructor " + c, p, violations);
                    }
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (exposed(m)) {
                    check(type, m.getName() + "() returns", m.getGenericReturnType(), violations);
                    for (Type p : m.getGenericParameterTypes()) {
                        check(type, m.getName() + "() takes", p, violations);
                    }
                    for (TypeVariable<Method> v : m.getTypeParameters()) {
                        check(type, m.getName() + "() type parameter", v, violations);
                    }
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (exposed(f)) {
                    check(type, "field " + f.getName(), f.getGenericType(), violations);
                }
            }
        }
        assertThat(violations).as("public signatures naming a third-party or internal type").isEmpty();
    }

    @Test
    void theCheckSeesTypesNestedInGenerics() throws Exception {
        Set<String> found = new TreeSet<>();
        Method m = Sample.class.getDeclaredMethod("leaks");
        check(Sample.class, "leaks() returns", m.getGenericReturnType(), found);
        assertThat(found).singleElement().asString().contains("io.icesync.groupware.internal.ItemSource");
    }

    interface Sample {
        java.util.Map<String, java.util.List<? extends io.icesync.groupware.internal.ItemSource>> leaks();
    }

    private static boolean exposed(Member m) {
        int mod = m.getModifiers();
        return !m.isSynthetic() && (Modifier.isPublic(mod) || Modifier.isProtected(mod));
    }

    private static void check(Class<?> owner, String where, Type type, Set<String> violations) {
        List<String> names = new ArrayList<>();
        collect(type, names, new ArrayList<>());
        for (String n : names) {
            if (FORBIDDEN.stream().anyMatch(n::startsWith) || n.contains(".internal.")) {
                violations.add(owner.getName() + " " + where + ": " + n);
            }
        }
    }

    private static void collect(Type t, List<String> names, List<TypeVariable<?>> seen) {
        if (t == null) {
            return;
        }
        if (t instanceof Class<?> c) {
            Class<?> e = c;
            while (e.isArray()) {
                e = e.getComponentType();
            }
            names.add(e.getName());
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), names, seen);
            collect(p.getOwnerType(), names, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, names, seen);
            }
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collect(b, names, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collect(b, names, seen);
            }
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), names, seen);
        } else if (t instanceof TypeVariable<?> v && !seen.contains(v)) {
            seen.add(v);
            for (Type b : v.getBounds()) {
                collect(b, names, seen);
            }
        }
    }

    /** Public top-level and nested types (nested ones inside public types) of the compiled main classes. */
    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Original.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = root.resolve("io/icesync/groupware");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(pkg)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.contains(".internal.") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                if (!c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic() && visible(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            int mod = k.getModifiers();
            boolean nestedProtected = k.getDeclaringClass() != null && Modifier.isProtected(mod);
            if (!Modifier.isPublic(mod) && !nestedProtected) {
                return false;
            }
        }
        return true;
    }
}
