package org.litmuslab.cli.results;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * Stands for a deserialization gadget: it records when an instance is made (its non-serializable superclass's
 * constructor runs on deserialization too) and when its {@code readObject} runs. The dump reader must never do either.
 */
public class Gadget extends GadgetBase implements Serializable {
    private static final long serialVersionUID = 1L;

    static volatile boolean constructed;
    static volatile boolean deserialized;

    String payload = "rm -rf /";

    static void forget() {
        constructed = false;
        deserialized = false;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        deserialized = true;
        in.defaultReadObject();
    }
}

/** Not serializable: deserialization runs this constructor for every Gadget it creates. */
class GadgetBase {
    GadgetBase() {
        Gadget.constructed = true;
    }
}
