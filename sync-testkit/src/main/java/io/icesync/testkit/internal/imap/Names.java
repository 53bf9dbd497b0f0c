package io.icesync.testkit.internal.imap;

import io.icesync.testkit.MailServerModel;
import io.icesync.testkit.TestAccount;
import io.icesync.testkit.TestMailbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxDecoder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;

/**
 * Folder names as a user sees them: their own folders by name, other users' shared folders under
 * IceWarp's prefix {@code ~owner@domain/}; on the wire in modified UTF-7 (RFC 3501 5.1.3).
 */
final class Names {
    static final String SHARED_PREFIX = "~";

    private Names() {
    }

    static String decode(String wire) {
        return BASE64MailboxDecoder.decode(wire);
    }

    static String encode(String name) {
        return BASE64MailboxEncoder.encode(name);
    }

    /** The folder a user means by this name, or null when there is none they may see. */
    static TestMailbox resolve(MailServerModel model, TestAccount user, String name) {
        String n = stripSlash(name);
        if (n.startsWith(SHARED_PREFIX)) {
            int slash = n.indexOf('/');
            if (slash < 0) {
                return null;
            }
            TestAccount owner = model.find(n.substring(1, slash)).orElse(null);
            if (owner == null) {
                return null;
            }
            TestMailbox m = owner.find(n.substring(slash + 1)).orElse(null);
            if (m == null || owner == user) {
                return m;
            }
            return m.rightsOf(user.email()).indexOf('l') >= 0 ? m : null;
        }
        return user.find(n).orElse(null);
    }

    /** Every folder the user can see, by the name they see it under. */
    static Map<String, TestMailbox> visible(MailServerModel model, TestAccount user) {
        Map<String, TestMailbox> out = new LinkedHashMap<>();
        for (TestMailbox m : user.mailboxes()) {
            out.put(m.name(), m);
        }
        for (TestAccount other : model.accounts()) {
            if (other == user) {
                continue;
            }
            for (TestMailbox m : other.mailboxes()) {
                if (m.rightsOf(user.email()).indexOf('l') >= 0) {
                    out.put(nameFor(user, m), m);
                }
            }
        }
        return out;
    }

    static String nameFor(TestAccount user, TestMailbox m) {
        return m.owner() == user ? m.name() : SHARED_PREFIX + m.owner().email() + "/" + m.name();
    }

    /** The account a {@code ~owner/} name belongs to, and the name inside it; null for the user's own. */
    static String[] split(String name) {
        String n = stripSlash(name);
        if (!n.startsWith(SHARED_PREFIX)) {
            return null;
        }
        int slash = n.indexOf('/');
        return slash < 0 ? new String[] {n.substring(1), ""} : new String[] {n.substring(1, slash), n.substring(slash + 1)};
    }

    static String stripSlash(String name) {
        String n = name;
        while (n.length() > 1 && n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** LIST pattern matching: {@code *} matches anything, {@code %} anything but the separator. */
    static boolean matches(String pattern, String name) {
        return match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int i, String n, int j) {
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*' || c == '%') {
                for (int k = j; k <= n.length(); k++) {
                    if (match(p, i + 1, n, k)) {
                        return true;
                    }
                    if (k < n.length() && c == '%' && n.charAt(k) == '/') {
                        return false;
                    }
                }
                return false;
            }
            if (j >= n.length()) {
                return false;
            }
            boolean same = c == n.charAt(j) || i < 5 && j < 5 && p.regionMatches(true, 0, "INBOX", 0, 5)
                    && n.regionMatches(true, 0, "INBOX", 0, 5) && Character.toUpperCase(c) == Character.toUpperCase(n.charAt(j));
            if (!same) {
                return false;
            }
            i++;
            j++;
        }
        return j == n.length();
    }

    /** The parents a name implies, for \HasChildren and for {@code ~owner} placeholders. */
    static List<String> parents(String name) {
        List<String> out = new ArrayList<>();
        int i = name.indexOf('/');
        while (i > 0) {
            out.add(name.substring(0, i));
            i = name.indexOf('/', i + 1);
        }
        return out;
    }
}
