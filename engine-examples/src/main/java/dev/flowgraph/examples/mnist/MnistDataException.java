package dev.flowgraph.examples.mnist;

import java.io.IOException;

/**
 * A missing or malformed MNIST data file. The message names the file, says what was expected and
 * what was found, and ends with {@link #WHERE_TO_GET_THE_DATA}: nothing is downloaded at run time,
 * so the user has to be told where the data comes from.
 */
public final class MnistDataException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The sentence that ends every message: where the IDX files can be had. */
    public static final String WHERE_TO_GET_THE_DATA = "Get the data with `apt-get install dataset-fashion-mnist`"
            + " (Fashion-MNIST, installed at " + MnistDataset.DEFAULT_DIRECTORY + "), or copy the four official"
            + " MNIST files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,"
            + " t10k-labels-idx1-ubyte.gz, from the MNIST database's home page) into one directory and pass that"
            + " directory; nothing is downloaded at run time.";

    /**
     * Creates the exception.
     *
     * @param problem what is wrong: the file, what was expected and what was found
     */
    MnistDataException(String problem) {
        super(problem + " " + WHERE_TO_GET_THE_DATA);
    }

    /**
     * Creates the exception for a problem detected by the JDK's reader.
     *
     * @param problem what is wrong: the file, what was expected and what was found
     * @param cause the JDK's exception
     */
    MnistDataException(String problem, Throwable cause) {
        super(problem + " " + WHERE_TO_GET_THE_DATA, cause);
    }
}
