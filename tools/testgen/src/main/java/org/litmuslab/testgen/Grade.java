package org.litmuslab.testgen;

/**
 * The grade of one outcome, named as jcstress's {@code Expect} so the generated source reads
 * {@code expect = FORBIDDEN}. The generator does not depend on jcstress: it only writes source.
 */
public enum Grade {
    /** The outcome is allowed and unremarkable. */
    ACCEPTABLE,
    /** The outcome is allowed by the JMM (or the javadoc) but is the surprise the test is about. */
    ACCEPTABLE_INTERESTING,
    /** The outcome would break a guarantee of the JMM (or the javadoc): a run that shows it fails. */
    FORBIDDEN
}
