package org.litmuslab.cli.catalog;

/** jcstress's test modes, as {@code litmus list} shows them. */
public enum TestMode {
    Continuous,
    Termination
}
