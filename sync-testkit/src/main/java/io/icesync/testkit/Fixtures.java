package io.icesync.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.icesync.core.FolderKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Seeds a {@link MailServerModel} from a small JSON or YAML file:
 *
 * <pre>
 * accounts:
 *   - email: jean@iwdemo.test
 *     password: secret
 *     folders:
 *       - name: INBOX
 *         messages:
 *           - {subject: "Réunion", from: "anne@iwdemo.test", body: "À demain", flags: ["\\Seen", "$label1"]}
 *           - {file: mails/invoice.eml}          # relative to the fixture
 *       - name: Calendar
 *         kind: EVENTS
 *         acl: {"josephine@iwdemo.test": "lr"}
 *         messages:
 *           - file: events/meeting.ics          # an .ics or .vcf file becomes one object per message
 *           - object: |                         # or the object's text itself
 *               BEGIN:VCALENDAR
 *               ...
 * </pre>
 *
 * Unknown fields and bad values are refused with the place they were found.
 */
public final class Fixtures {
    private Fixtures() {
    }

    record FixtureFile(List<AccountSpec> accounts) {
    }

    record AccountSpec(String email, String password, Boolean defaultFolders,
                       List<FolderSpec> folders) {
    }

    record FolderSpec(String name, FolderKind kind, String specialUse, Map<String, String> acl,
                      Map<String, String> metadata, Boolean subscribed, List<MessageSpec> messages) {
    }

    record MessageSpec(String messageId, String from, String to, String subject, String date, String body,
                       String raw, String file, String object, List<String> flags) {
    }

    /**
     * Loads a fixture file (.json, .yaml or .yml) into a new model.
     *
     * @param file the fixture; message files are read relative to its folder
     * @return a new model holding the fixture's accounts
     * @throws IllegalArgumentException when the file cannot be read or holds an unknown field or bad value
     */
    public static MailServerModel load(Path file) {
        MailServerModel m = new MailServerModel();
        seed(m, file);
        return m;
    }

    /**
     * Adds the fixture's accounts to a model; message files are read relative to the fixture's folder.
     *
     * @param model the model to add to; accounts added before a failure stay
     * @param file  the fixture (.json, .yaml or .yml)
     * @throws IllegalArgumentException when the file cannot be read, holds an unknown field or bad value, or
     *                                  names an account that exists already
     */
    public static void seed(MailServerModel model, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Path dir = file.toAbsolutePath().getParent();
            seed(model, in, file.toString(), name -> read(dir.resolve(name)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the fixture " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds a fixture from the class path (as a test's resources); message files are resources beside it.
     *
     * @param model    the model to add to; accounts added before a failure stay
     * @param resource the fixture's resource name (.json, .yaml or .yml), a leading {@code /} ignored
     * @param loader   the class loader to look the resources up with
     * @throws IllegalArgumentException when a resource is missing or the fixture holds an unknown field or
     *                                  bad value, or names an account that exists already
     */
    public static void seedFromClasspath(MailServerModel model, String resource, ClassLoader loader) {
        String res = resource.startsWith("/") ? resource.substring(1) : resource;
        String base = res.contains("/") ? res.substring(0, res.lastIndexOf('/') + 1) : "";
        try (InputStream in = loader.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture '" + resource + "' on the class path");
            }
            seed(model, in, resource, name -> {
                try (InputStream m = loader.getResourceAsStream(base + name)) {
                    if (m == null) {
                        throw new IllegalArgumentException("no message file '" + base + name + "' on the class path");
                    }
                    return m.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the fixture " + resource + ": " + e.getMessage(), e);
        }
    }

    private static void seed(MailServerModel model, InputStream in, String where, Function<String, byte[]> files)
            throws IOException {
        boolean yaml = where.endsWith(".yaml") || where.endsWith(".yml");
        ObjectMapper mapper = (yaml ? YAMLMapper.builder() : JsonMapper.builder())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();
        FixtureFile f;
        try {
            f = mapper.readValue(in, FixtureFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("fixture " + where + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (f == null || f.accounts() == null) {
            throw new IllegalArgumentException("fixture " + where + ": no 'accounts' list");
        }
        for (int i = 0; i < f.accounts().size(); i++) {
            AccountSpec a = f.accounts().get(i);
            String at = where + ": accounts[" + i + "]";
            if (a.email() == null || a.password() == null) {
                throw new IllegalArgumentException(at + ": 'email' and 'password' are required");
            }
            TestAccount account;
            try {
                account = a.defaultFolders() == null || a.defaultFolders() ? model.addAccount(a.email(), a.password())
                        : model.addEmptyAccount(a.email(), a.password());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
            List<FolderSpec> folders = a.folders() == null ? List.of() : a.folders();
            for (int j = 0; j < folders.size(); j++) {
                folder(account, folders.get(j), at + ".folders[" + j + "]", files);
            }
        }
    }

    private static void folder(TestAccount account, FolderSpec spec, String at, Function<String, byte[]> files) {
        if (spec.name() == null) {
            throw new IllegalArgumentException(at + ": 'name' is required");
        }
        TestMailbox box;
        try {
            box = account.create(spec.name());
            if (spec.kind() != null) {
                box.kind(spec.kind());
            }
            if (spec.specialUse() != null) {
                box.specialUse(spec.specialUse());
            }
            if (spec.acl() != null) {
                spec.acl().forEach(box::grant);
            }
            if (spec.metadata() != null) {
                spec.metadata().forEach(box::setMetadata);
            }
            if (spec.subscribed() != null) {
                box.subscribed(spec.subscribed());
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
        List<MessageSpec> msgs = spec.messages() == null ? List.of() : spec.messages();
        for (int k = 0; k < msgs.size(); k++) {
            MessageSpec m = msgs.get(k);
            try {
                box.append(content(m, account, files), m.flags() == null ? List.of() : m.flags(), date(m));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(at + ".messages[" + k + "]: " + e.getMessage(), e);
            }
        }
    }

    private static Instant date(MessageSpec m) {
        if (m.date() == null) {
            return Instant.parse("2026-01-05T09:00:00Z");
        }
        try {
            return Instant.parse(m.date());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'date' must be an ISO-8601 instant like 2026-01-05T09:00:00Z, got '"
                    + m.date() + "'");
        }
    }

    private static byte[] content(MessageSpec m, TestAccount account, Function<String, byte[]> files) {
        if (m.raw() != null) {
            return m.raw().replaceAll("(?<!\r)\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        }
        if (m.object() != null) {
            return Messages.groupware(m.object());
        }
        if (m.file() != null) {
            String f = m.file().toLowerCase(java.util.Locale.ROOT);
            byte[] b = files.apply(m.file());
            return f.endsWith(".ics") || f.endsWith(".vcf") ? Messages.groupware(new String(b, StandardCharsets.UTF_8)) : b;
        }
        return Messages.simple(m.messageId(), m.from() == null ? "sender@example.org" : m.from(),
                m.to() == null ? account.email() : m.to(), m.subject() == null ? "" : m.subject(),
                m.date() == null ? null : date(m), m.body() == null ? "" : m.body());
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the message file " + p + ": " + e.getMessage(), e);
        }
    }
}
