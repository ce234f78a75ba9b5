package org.litmuslab.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A lesson's claim, next to the variant it is about, that this racy variant shows at least one of its
 * {@code ACCEPTABLE_INTERESTING} outcomes in one teach-preset run on the named CPU architectures (as
 * {@code System.getProperty("os.arch")} names them: {@code amd64} is written {@code x86_64} here).
 *
 * <p>{@code litmus gate --fail-on unseen-interesting} fails when a claimed variant did not show its outcome on the
 * architecture it ran on. Put it only on variants where a real run showed the outcome; an outcome the JMM allows but
 * a CPU never shows gets no claim for that CPU, and the lesson's comment says so.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ObservedOn {
    /** Architectures, e.g. {@code "x86_64"}, {@code "aarch64"}. */
    String[] value();
}
