package io.icesync.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method of the class a fresh, started {@link IceWarpServer} (own ports, own
 * accounts), as a parameter of type {@code IceWarpServer}, and stops it afterwards:
 *
 * <pre>{@code
 * @IceWarpTest(accounts = "jean@iwdemo.test:secret", fixture = "mailbox.yaml")
 * class MyConnectorTest {
 *     @Test
 *     void syncsTheInbox(IceWarpServer server) { ... server.imap() ... server.account("jean@iwdemo.test") ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(IceWarpServerExtension.class)
public @interface IceWarpTest {
    /** {@return the accounts as {@code address:password}, each with IceWarp's default folders} */
    String[] accounts() default {};

    /**
     * {@return a JSON or YAML fixture on the test class path (see {@link Fixtures}), loaded after the
     * accounts: beside the test class, or absolute with a leading /; empty for none}
     */
    String fixture() default "";

    /** {@return the capabilities the server must not offer (see {@link IceWarpServer#OPTIONAL_CAPABILITIES})} */
    String[] without() default {};
}
